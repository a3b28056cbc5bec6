import { seedReadModelsOutput } from '../../src/readModelsOutput'

export const BEGIN = '<!-- read-models-output:begin (pnpm --filter @kerjasama/example-jateng readme) -->'
export const END = '<!-- read-models-output:end -->'

/** The README with the block between the markers replaced by the read models' current output. */
export async function readmeWithOutput(readme: string): Promise<string> {
  const start = readme.indexOf(BEGIN)
  const end = readme.indexOf(END)
  if (start === -1 || end === -1 || end < start) throw new Error('README.md has no read-models-output markers')
  const { lines } = await seedReadModelsOutput()
  return `${readme.slice(0, start + BEGIN.length)}\n\n\`\`\`text\n${lines.join('\n').trim()}\n\`\`\`\n\n${readme.slice(end)}`
}
