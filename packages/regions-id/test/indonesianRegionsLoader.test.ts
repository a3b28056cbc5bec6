import { describe, expect, it } from 'vitest'
import { ValidationError } from '@kerjasama/core'
import { createIndonesianRegionsLoader, indonesianRegionDirectory } from '../src'
import type { IdnAreaDataset } from '../src'

const dataset = (overrides: Partial<IdnAreaDataset> = {}): IdnAreaDataset => ({
  version: 'test',
  provinces: [{ code: '33', name: 'Jawa Tengah' }],
  regencies: [{ code: '33.05', provinceCode: '33', name: 'Kabupaten Kebumen' }],
  ...overrides,
})

describe('createIndonesianRegionsLoader', () => {
  it('reads the dataset once, also for callers that ask at the same time', async () => {
    let reads = 0
    const load = createIndonesianRegionsLoader(async () => {
      reads += 1
      return dataset()
    })
    const [a, b] = await Promise.all([load(), load()])
    expect(await load()).toBe(a)
    expect(b).toBe(a)
    expect(reads).toBe(1)
    expect(a.source).toBe('idn-area-data test')
  })

  it('does not remember a failed read, so a repaired install loads on the next try', async () => {
    let reads = 0
    const load = createIndonesianRegionsLoader(async () => {
      reads += 1
      if (reads === 1) throw Object.assign(new Error('ENOENT: no such file'), { code: 'ENOENT' })
      return dataset()
    })
    await expect(load()).rejects.toThrow('ENOENT')
    expect((await load()).describe('33.05')?.name).toBe('Kabupaten Kebumen')
  })
})

describe('indonesianRegionDirectory', () => {
  it('refuses corrupt rows with a coded error instead of a half-known list', () => {
    const corrupt: Partial<IdnAreaDataset>[] = [
      { provinces: [] },
      { provinces: 'not rows' },
      { provinces: [{ code: '33', name: '' }] },
      { regencies: [{ code: '3305', provinceCode: '33', name: 'Kabupaten Kebumen' }] },
      { regencies: [{ code: '33.05', provinceCode: '32', name: 'Kabupaten Kebumen' }] },
      { regencies: [{ code: '33.05', provinceCode: '33', name: 'Kabupaten Kebumen' }, { code: '33.05', provinceCode: '33', name: 'Kabupaten Kebumen' }] },
      { regencies: [{ code: '35.01', provinceCode: '35', name: 'Kabupaten Pacitan' }] },
      { regencies: [{ code: '33.70', provinceCode: '33', name: 'Kota Tidak Ada' }] },
    ]
    for (const overrides of corrupt) expect(() => indonesianRegionDirectory(dataset(overrides))).toThrow(ValidationError)
  })

  it('keeps a province name that already says Provinsi', () => {
    expect(indonesianRegionDirectory(dataset({ provinces: [{ code: '33', name: 'Provinsi Jawa Tengah' }] })).describe('33')?.name).toBe('Provinsi Jawa Tengah')
  })
})
