/**
 * The steps of a workflow or of a README snippet, read with just enough YAML for how ours are
 * written: `- uses:` / `- run:` / `- name:` items, a `with:` map of plain scalars (a trailing
 * ` # comment` dropped) and `|` blocks. Enough to run the documented steps as written.
 */
export interface Step {
  uses?: string
  run?: string
  with: Record<string, string>
}

const indentOf = (line: string): number => line.length - line.trimStart().length
const plain = (value: string): string => value.replace(/\s+#.*$/, '').trim()

export function parseSteps(yaml: string): Step[] {
  const lines = yaml.split('\n')
  const steps: Step[] = []
  let step: Step | null = null
  let itemIndent = -1
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]
    if (!line.trim() || line.trim().startsWith('#')) continue
    const item = /^(\s*)- (uses|run|name|id):\s*(.*)$/.exec(line)
    if (item && (step === null || indentOf(line) <= itemIndent)) {
      step = { with: {} }
      steps.push(step)
      itemIndent = item[1].length
    }
    if (!step) continue
    const field = /^\s*(?:- )?(uses|run|name|id|with|if):\s*(.*)$/.exec(line)
    if (!field) continue
    if (field[1] === 'uses') step.uses = plain(field[2])
    if (field[1] === 'run') step.run = plain(field[2])
    if (field[1] !== 'with') continue
    const mapIndent = indentOf(lines[i + 1])
    while (i + 1 < lines.length && (lines[i + 1].trim() === '' || indentOf(lines[i + 1]) >= mapIndent)) {
      const entry = /^\s*([\w-]+):\s*(.*)$/.exec(lines[++i])
      if (!entry) continue
      if (entry[2].startsWith('|')) {
        const block: string[] = []
        const blockIndent = indentOf(lines[i + 1])
        while (i + 1 < lines.length && lines[i + 1].trim() !== '' && indentOf(lines[i + 1]) >= blockIndent)
          block.push(lines[++i].slice(blockIndent))
        step.with[entry[1]] = block.join('\n')
      } else {
        step.with[entry[1]] = plain(entry[2])
      }
    }
  }
  return steps
}
