import { openMemoryReadModelStore, openMemoryStore } from '@kerjasama/store-memory'
import { createSeedService } from './seedService'
import { runSeedScenario } from './runSeedScenario'
import { showReadModels } from './showReadModels'
import type { ReadModelsShown } from './showReadModels'

const DAY_MS = 86_400_000
/** The read models are judged half a year after the scenario's last step, when every ceremonial agreement has had time to show. */
export const WATCH_AFTER_DAYS = 180

/** Runs the seed scenario on the memory store and prints what the read models show; the README's output block is this text. */
export async function seedReadModelsOutput(): Promise<{ lines: string[]; shown: ReadModelsShown; agreementIdOf: (key: string) => string }> {
  const eventStore = openMemoryStore()
  const { service, clock } = createSeedService(eventStore)
  const seed = await runSeedScenario(service, () => undefined, clock)
  const agreementIdOf = (key: string): string => seed.agreements.find((agreement) => agreement.key === key)?.agreementId as string
  const lines: string[] = []
  const shown = await showReadModels({
    eventStore,
    readModels: openMemoryReadModelStore(),
    now: new Date(clock().getTime() + WATCH_AFTER_DAYS * DAY_MS),
    semester: '2022-2',
    timelineOf: agreementIdOf('kebumen-gula-merah'),
    log: (line) => lines.push(line),
  })
  return { lines, shown, agreementIdOf }
}
