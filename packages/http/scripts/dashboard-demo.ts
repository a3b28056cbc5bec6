/**
 * The dashboard on the seeded Jawa Tengah scenario, to look at in a browser:
 *   pnpm --filter @kerjasama/http dashboard:demo   (PORT=8080 to choose the port)
 * The same data and instant as the browser test and the screenshots in docs/dashboard.md.
 */
import { listen, seededDashboard } from '../test/support/seededDashboard'

const seeded = await seededDashboard()
const server = await listen(seeded.handler.fetch, Number(process.env.PORT ?? 0))
console.log(`Dasbor kerja sama / dashboard: ${server.url}/  (judged as of ${seeded.now.toISOString().slice(0, 10)}; Ctrl+C to stop)`)
