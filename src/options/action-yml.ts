import { OPTION_LIST, OUTPUTS, offers } from './table.js'

/** What the Marketplace shows. */
const METADATA = `name: 'artifact-seal'
description: 'Seal build artifacts with an HMAC-signed DSSE/in-toto manifest, and verify them before you deploy.'
author: 'acme'
branding:
  icon: 'shield'
  color: 'green'
`

const quote = (text: string): string => `'${text.replace(/'/g, "''")}'`

/** A description as YAML: quoted when short, else folded into lines under `indent`. */
function scalar(text: string, indent: string): string {
  if (indent.length + text.length <= 110) return quote(text)
  const lines: string[] = []
  let line = ''
  for (const word of text.split(' ')) {
    if (line && indent.length + line.length + 1 + word.length > 116) {
      lines.push(line)
      line = word
    } else line = line ? `${line} ${word}` : word
  }
  lines.push(line)
  return `>-\n${lines.map(l => indent + l).join('\n')}`
}

/** action.yml, generated from the option table (`npm run action-yml` writes it; a test compares). */
export function renderActionYml(): string {
  const inputs = OPTION_LIST.filter(([, spec]) => offers(spec, 'action')).map(
    ([name, spec]) =>
      `  ${name}:\n    description: ${scalar(spec.description, '      ')}\n    required: false\n    default: ${quote(spec.default ?? '')}\n`
  )
  const outputs = Object.entries(OUTPUTS).map(
    ([name, description]) => `  ${name}:\n    description: ${scalar(description, '      ')}\n`
  )
  return `# Generated from src/options/table.ts by \`npm run action-yml\`; edit the table, not this file.
${METADATA}
inputs:
${inputs.join('')}
outputs:
${outputs.join('')}
runs:
  using: 'node24'
  main: 'dist/index.js'
`
}
