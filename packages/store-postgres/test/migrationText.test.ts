import { createHash } from 'node:crypto'
import { describe, expect, it } from 'vitest'
import { schemaNames } from '../src/schemaName'
import { schemaV3 } from '../src/schemaV3'
import { schemaV6 } from '../src/schemaV6'
import { schemaV7 } from '../src/schemaV7'

const names = schemaNames('kerjasama')
const digest = (statements: string[]): string => createHash('sha256').update(statements.join('\n;\n')).digest('hex')

// A released migration is never edited: a schema migrated by an older release ran exactly this text.
describe('PostgreSQL migration text', () => {
  it('migrations 3 and 6 are byte for byte what was released', () => {
    expect(digest(schemaV3(names))).toBe('bf661c2878b881e6543d6cb996d31c429b2ab269aaae2424d581f4598f32c964')
    expect(digest(schemaV6(names))).toBe('bb51242f207ed7ccc901091040addf2faf69fc2b222e3dfdaa42fcdf8662b376')
  })

  it("migration 7's append_events is migration 6's but for how it enters the tenant's scope", () => {
    const v6 = schemaV6(names).find((statement) => statement.startsWith('create function')) as string
    const v7 = schemaV7(names).find((statement) => statement.startsWith('create function')) as string
    const call = `       perform "kerjasama".enter_scope(p_tenant, p_tenant);\n`
    const inline = `       perform set_config('kerjasama.write_tenant', p_tenant, true), set_config('kerjasama.read_tenants', p_tenant, true);\n       set local role "kerjasama_app";\n`
    expect(v6).toContain(call)
    expect(v7).toBe(v6.replace(call, inline))
  })
})
