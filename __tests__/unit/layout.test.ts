import assert from 'node:assert/strict'
import * as fs from 'node:fs'
import * as path from 'node:path'
import { test } from '@jest/globals'
import { ROOT } from '../helpers/fixtures.js'

const SRC = path.join(ROOT, 'src')

/** Every import between folders of src/ (static, type-only, re-exports and dynamic), as `from -> to: file`. */
function folderImports(): Map<string, Map<string, string>> {
  const graph = new Map<string, Map<string, string>>()
  for (const entry of fs.readdirSync(SRC, { recursive: true })) {
    const file = String(entry)
    if (!file.endsWith('.ts')) continue
    const from = file.split(path.sep)[0]
    const text = fs.readFileSync(path.join(SRC, file), 'utf8')
    for (const m of text.matchAll(/(?:\bfrom|\bimport\s*\(?)\s*['"](\.{1,2}\/[^'"]+)['"]/g)) {
      const to = path.relative(SRC, path.resolve(SRC, path.dirname(file), m[1])).split(path.sep)[0]
      if (to === from || to.startsWith('..')) continue
      if (!graph.has(from)) graph.set(from, new Map())
      graph.get(from)!.set(to, file)
    }
  }
  return graph
}

/** A cycle in the graph as the list of folders along it, or null. */
function findCycle(graph: Map<string, Map<string, string>>): string[] | null {
  const state = new Map<string, 'open' | 'done'>()
  const stack: string[] = []
  const visit = (node: string): string[] | null => {
    if (state.get(node) === 'done') return null
    if (state.get(node) === 'open') return [...stack.slice(stack.indexOf(node)), node]
    state.set(node, 'open')
    stack.push(node)
    for (const next of graph.get(node)?.keys() ?? []) {
      const cycle = visit(next)
      if (cycle) return cycle
    }
    stack.pop()
    state.set(node, 'done')
    return null
  }
  for (const node of graph.keys()) {
    const cycle = visit(node)
    if (cycle) return cycle
  }
  return null
}

test('no two folders of src/ import each other, directly or around a loop', () => {
  const graph = folderImports()
  assert.ok((graph.get('action')?.size ?? 0) > 0, 'the scan found the imports')
  const cycle = findCycle(graph)
  const where = cycle?.slice(1).map((to, i) => `${cycle[i]} -> ${to} (${graph.get(cycle[i])!.get(to)})`)
  assert.equal(cycle, null, `folder cycle: ${where?.join(', ')}`)
})

test('core/ knows nothing of GitHub, the key sources, the carriers or the front ends', () => {
  const reached = [...(folderImports().get('core')?.keys() ?? [])]
  assert.deepEqual(reached, [], `core imports ${reached.join(', ')}`)
  for (const entry of fs.readdirSync(path.join(SRC, 'core'))) {
    const text = fs.readFileSync(path.join(SRC, 'core', entry), 'utf8')
    assert.doesNotMatch(text, /from '@actions\//, `core/${entry} imports @actions/*`)
  }
})

test('the cycle check finds a cycle when there is one', () => {
  const graph = new Map([
    ['keys', new Map([['github', 'keys/a.ts']])],
    ['github', new Map([['net', 'github/b.ts']])],
    ['net', new Map([['keys', 'net/c.ts']])]
  ])
  assert.deepEqual(findCycle(graph), ['keys', 'github', 'net', 'keys'])
})
