#!/usr/bin/env node
// Moves test files from node:test to jest, in place. Idempotent: a file already moved is left
// byte for byte as it is, so the codemod can be run again on test files that other branches add.
//
//   node scripts/codemods/node-test-to-jest.mjs                 every .ts file under __tests__/
//   node scripts/codemods/node-test-to-jest.mjs FILE_OR_DIR...  only those
//   node scripts/codemods/node-test-to-jest.mjs --check         lists files still to move, exit 1 if any
//
// What it rewrites, using the TypeScript parser (not regular expressions) to find the calls:
//   import { test, describe, before, after, beforeEach, afterEach } from 'node:test'
//     → the same names from '@jest/globals', before → beforeAll, after → afterAll
//   test(name, { timeout: N }, fn)          → test(name, fn, N)
//   test(name, { skip: cond && 'why' }, fn) → ;(cond && 'why' ? test.skip : test)(name, fn)
//   test(name, async t => { t.diagnostic(m); check(t, …) })
//     → test(name, async () => { diagnostic(m); check(reporter, …) }), both from
//       __tests__/helpers/diagnostic.ts: jest would read a parameter as a `done` callback.
// Anything else from node:test (mock, it, suite, t.skip, t.test, …) stops it with the file and
// line, so that nothing is half moved.
import * as fs from 'node:fs'
import * as path from 'node:path'
import ts from 'typescript'

const ROOT = path.resolve(path.dirname(new URL(import.meta.url).pathname), '../..')
const HELPER = path.join(ROOT, '__tests__', 'helpers', 'diagnostic.ts')
const RENAME = { before: 'beforeAll', after: 'afterAll' }
const KEEP = new Set(['test', 'describe', 'beforeEach', 'afterEach', 'beforeAll', 'afterAll'])
const TEST_CALLS = new Set(['test', 'describe'])

class Refused extends Error {}

function transform(file, text) {
  const sf = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true, ts.ScriptKind.TS)
  const edits = [] // { start, end, text }
  const where = node => `${path.relative(ROOT, file)}:${sf.getLineAndCharacterOfPosition(node.getStart(sf)).line + 1}`
  const renamed = new Map() // local name → jest name, for before/after
  let moved = false
  let needDiagnostic = false
  let needReporter = false

  for (const stmt of sf.statements) {
    if (!ts.isImportDeclaration(stmt) || stmt.moduleSpecifier.text !== 'node:test') continue
    moved = true
    const clause = stmt.importClause
    const named = clause?.namedBindings
    if (!clause || clause.name || !named || !ts.isNamedImports(named))
      throw new Refused(`${where(stmt)}: only named imports from node:test are moved`)
    const names = []
    for (const el of named.elements) {
      const imported = (el.propertyName ?? el.name).text
      const jestName = RENAME[imported] ?? imported
      if (!KEEP.has(jestName))
        throw new Refused(`${where(el)}: node:test's ${imported} has no mechanical jest equivalent`)
      if (el.propertyName) throw new Refused(`${where(el)}: aliased import ${imported} as ${el.name.text}`)
      if (RENAME[imported]) renamed.set(imported, jestName)
      names.push(jestName)
    }
    edits.push({
      start: stmt.getStart(sf),
      end: stmt.getEnd(),
      text: `import { ${names.join(', ')} } from '@jest/globals'`
    })
  }
  if (!moved) return text

  // The parameter of a test callback: every use of it inside that callback, minding shadowing.
  function rewriteContext(fn, name) {
    const visit = node => {
      if (
        node !== fn &&
        ts.isFunctionLike(node) &&
        node.parameters?.some(p => ts.isIdentifier(p.name) && p.name.text === name)
      )
        return
      if (ts.isPropertyAccessExpression(node) && ts.isIdentifier(node.expression) && node.expression.text === name) {
        if (node.name.text !== 'diagnostic')
          throw new Refused(`${where(node)}: ${name}.${node.name.text} has no mechanical jest equivalent`)
        edits.push({ start: node.getStart(sf), end: node.getEnd(), text: 'diagnostic' })
        needDiagnostic = true
        return
      }
      if (ts.isIdentifier(node) && node.text === name && node !== fn.parameters[0].name) {
        const parent = node.parent
        const isName =
          (ts.isPropertyAccessExpression(parent) && parent.name === node) ||
          (ts.isPropertyAssignment(parent) && parent.name === node)
        if (!isName) {
          edits.push({ start: node.getStart(sf), end: node.getEnd(), text: 'reporter' })
          needReporter = true
        }
      }
      ts.forEachChild(node, visit)
    }
    visit(fn.body)
  }

  function paramEdit(fn) {
    const [param] = fn.parameters
    if (
      ts.isArrowFunction(fn) &&
      !fn.parameters.hasTrailingComma &&
      sf.text.slice(param.getStart(sf) - 1, param.getStart(sf)) !== '('
    ) {
      return { start: param.getStart(sf), end: param.getEnd(), text: '()' }
    }
    return { start: param.getStart(sf), end: param.getEnd(), text: '' }
  }

  const visit = node => {
    if (ts.isCallExpression(node) && ts.isIdentifier(node.expression)) {
      const callee = node.expression.text
      if (renamed.has(callee))
        edits.push({ start: node.expression.getStart(sf), end: node.expression.getEnd(), text: renamed.get(callee) })
      if (TEST_CALLS.has(callee)) {
        const args = node.arguments
        let fn = args[args.length - 1]
        let timeout = null
        let skip = null
        if (args.length === 3 && ts.isObjectLiteralExpression(args[1])) {
          for (const prop of args[1].properties) {
            if (!ts.isPropertyAssignment(prop) || !ts.isIdentifier(prop.name))
              throw new Refused(`${where(prop)}: test option not understood`)
            if (prop.name.text === 'timeout') timeout = prop.initializer.getText(sf)
            else if (prop.name.text === 'skip') skip = prop.initializer.getText(sf)
            else throw new Refused(`${where(prop)}: test option ${prop.name.text} has no mechanical jest equivalent`)
          }
          // Drop the options argument: from the end of the name to the start of the callback.
          edits.push({ start: args[0].getEnd(), end: args[2].getStart(sf), text: ', ' })
          if (timeout !== null) edits.push({ start: fn.getEnd(), end: fn.getEnd(), text: `, ${timeout}` })
          if (skip !== null) {
            // A statement that starts with `(` would continue the previous line when semicolons are omitted.
            const lead =
              ts.isExpressionStatement(node.parent) && node.parent.getStart(sf) === node.getStart(sf) ? ';' : ''
            edits.push({
              start: node.expression.getStart(sf),
              end: node.expression.getEnd(),
              text: `${lead}(${skip} ? ${callee}.skip : ${callee})`
            })
          }
        } else if (args.length === 3) {
          throw new Refused(`${where(node)}: ${callee} with a third argument that is not an options object`)
        }
        if (fn && (ts.isArrowFunction(fn) || ts.isFunctionExpression(fn)) && fn.parameters.length > 0) {
          if (fn.parameters.length > 1 || !ts.isIdentifier(fn.parameters[0].name))
            throw new Refused(`${where(fn)}: test callback with parameters other than a context`)
          edits.push(paramEdit(fn))
          rewriteContext(fn, fn.parameters[0].name.text)
        }
      }
    }
    ts.forEachChild(node, visit)
  }
  visit(sf)

  let out = text
  for (const e of edits.sort((a, b) => b.start - a.start || b.end - a.end))
    out = out.slice(0, e.start) + e.text + out.slice(e.end)

  const wanted = [needDiagnostic && 'diagnostic', needReporter && 'reporter'].filter(Boolean)
  if (wanted.length) {
    let spec = path.relative(path.dirname(file), HELPER).replace(/\\/g, '/').replace(/\.ts$/, '.js')
    if (!spec.startsWith('.')) spec = `./${spec}`
    const line = `import { ${wanted.join(', ')} } from '${spec}'\n`
    // After the @jest/globals import, which the edits above put where node:test's was.
    out = out.replace(/^import \{[^}]*\} from '@jest\/globals'\n/m, m => m + line)
  }
  return out
}

function listFiles(targets) {
  const files = []
  for (const t of targets) {
    const abs = path.resolve(t)
    if (fs.statSync(abs).isDirectory()) {
      for (const f of fs.readdirSync(abs, { recursive: true }))
        if (String(f).endsWith('.ts')) files.push(path.join(abs, String(f)))
    } else files.push(abs)
  }
  return files.filter(f => !f.includes(`${path.sep}node_modules${path.sep}`) && f !== HELPER).sort()
}

const argv = process.argv.slice(2)
const check = argv.includes('--check')
const targets = argv.filter(a => a !== '--check')
const files = listFiles(targets.length ? targets : [path.join(ROOT, '__tests__')])
let changed = 0
let failed = 0
for (const file of files) {
  const text = fs.readFileSync(file, 'utf8')
  let out
  try {
    out = transform(file, text)
  } catch (err) {
    if (!(err instanceof Refused)) throw err
    console.error(`node-test-to-jest: ${err.message}`)
    failed++
    continue
  }
  if (out === text) continue
  changed++
  if (check) console.log(path.relative(ROOT, file))
  else {
    fs.writeFileSync(file, out)
    console.log(`moved ${path.relative(ROOT, file)}`)
  }
}
console.log(
  `node-test-to-jest: ${files.length} files read, ${changed} ${check ? 'to move' : 'moved'}${failed ? `, ${failed} refused` : ''}`
)
process.exit(failed || (check && changed) ? 1 : 0)
