// Writes action.yml from the option table (src/options/table.ts), compiled by `npm run action-yml`.
import * as fs from 'node:fs'
import { renderActionYml } from '../build/src/options/action-yml.js'

fs.writeFileSync(new URL('../action.yml', import.meta.url), renderActionYml())
console.log('action.yml written from src/options/table.ts')
