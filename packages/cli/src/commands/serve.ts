import { createServer } from 'node:http'
import type { AddressInfo } from 'node:net'
import { getRequestListener } from '@hono/node-server'
import { KerjasamaError, createAgreementService, roles } from '@kerjasama/core'
import type { Actor } from '@kerjasama/core'
import { createDashboard, createKerjasamaHandler } from '@kerjasama/http'
import { builtInProjections, createProjectionRunner } from '@kerjasama/projections'
import { loadIndonesianRegions } from '@kerjasama/regions-id'
import { parseActorOption } from '../actorOption'
import type { Command, CliIo } from '../command'
import { EXIT } from '../exitCodes'
import { jsonText } from '../jsonOutput'
import { openStoreForWriting } from '../openStore'
import { integerValue, stringValue } from '../optionValues'
import { storeDescription } from '../storeDescription'
import { commandOptions } from '../storeOptions'
import { UsageError } from '../usageError'

const DEFAULT_PORT = 8080
const DEFAULT_HOST = '127.0.0.1'

export class ServeListenFailed extends KerjasamaError {
  constructor(host: string, port: number, cause: string) {
    super(
      'CLI_SERVE_LISTEN_FAILED',
      { id: `Tidak dapat mendengarkan di ${host}:${port} (${cause}); pilih --port atau --host lain`, en: `Cannot listen on ${host}:${port} (${cause}); choose another --port or --host` },
      { host, port, cause },
    )
  }
}

export const serveCommand: Command = {
  name: 'serve',
  summary: { id: 'menjalankan API HTTP dan dasbor dengan pelaksana proyeksi yang hidup', en: 'run the HTTP API and the dashboard with the live projection runner' },
  options: commandOptions({
    port: { id: `port TCP (bawaan: ${DEFAULT_PORT}; 0: port bebas mana pun, yang dicetak)`, en: `TCP port (default: ${DEFAULT_PORT}; 0: any free port, which is printed)` },
    host: { id: `alamat yang didengarkan (bawaan: ${DEFAULT_HOST}, hanya mesin ini)`, en: `address to listen on (default: ${DEFAULT_HOST}, this machine only)` },
    actor: {
      id: 'pelaku setiap permintaan, id:peran:mewakili; tanpa opsi ini API hanya menjawab pembacaan dan setiap penulisan 401',
      en: 'the actor of every request, id:role:actsFor; without it the API answers reads only and every write is 401',
    },
  }),
  notes: [
    {
      en: 'serve opens the store for writing (creating and migrating it if it does not exist yet: it is the command agreements are recorded through), starts the projection runner in live mode so the read models follow every append, and serves the officers’ dashboard at / and the JSON API under /api (the OpenAPI document at /api/openapi.json), both of @kerjasama/http, with the national region directory. It prints the address and runs until SIGINT (Ctrl+C) or SIGTERM, then stops the server, the runner and the store, and exits 0. serve authenticates nobody: with --actor every request acts as that one person, so --actor is refused on any address but a loopback one (127.0.0.1, ::1, localhost); behind a network, put an app with real authentication in front of @kerjasama/http. Without --actor reads (the dashboard included) are answered and writes are 401.',
      id: 'serve membuka penyimpanan untuk menulis (membuat dan memigrasikannya bila belum ada, karena melalui perintah inilah kerja sama dicatat), menjalankan pelaksana proyeksi dalam mode hidup sehingga model baca mengikuti setiap penambahan, dan melayani dasbor petugas di / serta API JSON di /api (dokumen OpenAPI di /api/openapi.json), keduanya dari @kerjasama/http, dengan daftar wilayah nasional. Alamatnya dicetak, lalu berjalan sampai SIGINT (Ctrl+C) atau SIGTERM; kemudian server, pelaksana, dan penyimpanan dihentikan dengan rapi, kode keluar 0. serve tidak mengautentikasi siapa pun: dengan --actor setiap permintaan bertindak sebagai satu orang itu, sehingga --actor hanya diterima pada alamat loopback (127.0.0.1, ::1, localhost); untuk jaringan, pasang aplikasi dengan autentikasi sungguhan di depan @kerjasama/http. Tanpa --actor pembacaan (termasuk dasbor) dijawab dan penulisan 401.',
    },
  ],
  async run({ selection, io, values, json, language, wording }) {
    const port = integerValue(values, 'port', { min: 0, max: 65535 }, 'serve') ?? DEFAULT_PORT
    const host = stringValue(values, 'host') ?? DEFAULT_HOST
    const actorText = stringValue(values, 'actor')
    const actor = actorText === undefined ? undefined : (parseActorOption(actorText, 'serve', { roles, actsForRequired: true }) as Actor)
    if (actor !== undefined && !isLoopback(host)) {
      throw new UsageError(
        { id: `--actor hanya untuk alamat loopback: di ${host} siapa pun di jaringan akan bertindak sebagai ${actor.id}`, en: `--actor is for a loopback address only: on ${host} anyone on the network would act as ${actor.id}` },
        'serve',
      )
    }
    // Loaded before the store is opened: a broken dataset install stops serve before it touches a database.
    const regions = await loadIndonesianRegions()
    const store = await openStoreForWriting(selection, io.env ?? process.env, { create: true })
    const clock = io.clock ?? (() => new Date())
    const runner = createProjectionRunner({ eventStore: store.eventStore, readModels: store.readModels, projections: [...builtInProjections], clock })
    try {
      const service = createAgreementService({ store: store.eventStore, clock, regions })
      const onUnexpectedError = (error: unknown, request: Request): void =>
        io.err(`INTERNAL_ERROR ${request.method} ${new URL(request.url).pathname}: ${error instanceof Error ? error.name : typeof error}`)
      const handler = createKerjasamaHandler({
        service,
        readModels: store.readModels,
        eventStore: store.eventStore,
        runner,
        clock,
        // Reads need no particular actor; a write without --actor has nobody to be recorded as, so it is 401.
        authenticate: (request) => actor ?? (isRead(request.method) ? { id: 'kerjasama-serve-reader', role: 'opd', actsFor: store.eventStore.tenant } : undefined),
        onUnexpectedError,
        // The officers' pages at /, naming regions from the national directory.
        dashboard: createDashboard({ regions, onUnexpectedError }),
      })
      const server = createServer(getRequestListener(handler.fetch))
      // Listening first: a port in use stops serve before the runner takes any lease.
      const address = await listen(server, port, host)
      await runner.start()
      const base = `http://${address.family === 'IPv6' ? `[${address.address}]` : address.address}:${address.port}`
      if (json) io.out(jsonText({ url: base, dashboard: `${base}/`, api: `${base}/api`, openapi: `${base}/api/openapi.json`, store: storeDescription(selection, 'en', store.eventStore.tenant) }))
      else {
        io.out(`${wording.heading({ id: 'Kerjasama melayani', en: 'Kerjasama serving' })}: ${storeDescription(selection, language, store.eventStore.tenant)}`)
        io.out(`  ${wording.heading({ id: 'Dasbor', en: 'Dashboard' })}: ${base}/`)
        io.out(`  API: ${base}/api (OpenAPI: ${base}/api/openapi.json)`)
        io.out(wording.heading({ id: 'Hentikan dengan Ctrl+C', en: 'Stop with Ctrl+C' }))
      }
      await stopRequested(io)
      await new Promise<void>((resolve) => {
        server.close(() => resolve())
        server.closeAllConnections()
      })
      return EXIT.ok
    } finally {
      await runner.stop()
      await store.close()
    }
  },
}

function isRead(method: string): boolean {
  return method === 'GET' || method === 'HEAD'
}

function isLoopback(host: string): boolean {
  return host === 'localhost' || host === '::1' || /^127(\.\d{1,3}){3}$/.test(host)
}

function listen(server: ReturnType<typeof createServer>, port: number, host: string): Promise<AddressInfo> {
  return new Promise((resolve, reject) => {
    server.once('error', (error: NodeJS.ErrnoException) => reject(new ServeListenFailed(host, port, error.code ?? error.name)))
    server.listen(port, host, () => resolve(server.address() as AddressInfo))
  })
}

/** Resolves on the io's stop signal, or on SIGINT/SIGTERM when the caller gave none. */
function stopRequested(io: CliIo): Promise<void> {
  const signal = io.stop
  if (signal !== undefined) return signal.aborted ? Promise.resolve() : new Promise((resolve) => signal.addEventListener('abort', () => resolve(), { once: true }))
  return new Promise((resolve) => {
    const done = (): void => {
      process.off('SIGINT', done)
      process.off('SIGTERM', done)
      resolve()
    }
    process.once('SIGINT', done)
    process.once('SIGTERM', done)
  })
}
