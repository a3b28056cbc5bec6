import { querySemesterReport, semesterReportCsv } from '@kerjasama/projections'
import contentDisposition from 'content-disposition'
import type { Hono } from 'hono'
import type { ApiEnv } from '../apiEnv'
import type { ResolvedHandlerOptions } from '../handlerOptions'
import { jsonResponse } from '../jsonResponse'
import { languageOf } from '../language'
import { semesterParameters, semesterReportQuery } from '../openapi/apiSchemas'
import { routeCatalogue } from '../openapi/routeCatalogue'
import { waitForReadModels } from '../readYourWrites'
import { parseParams, parseQuery } from '../requestQuery'

export function registerSemesterReportRoute(api: Hono<ApiEnv>, options: ResolvedHandlerOptions): void {
  api.get(routeCatalogue.getSemesterReport.path, async (c) => {
    const { semester } = parseParams(c.req.param(), semesterParameters)
    const { waitFor, timeoutMs, region, format } = parseQuery(c.req.url, semesterReportQuery)
    await waitForReadModels(options, { waitFor, timeoutMs })
    const report = await querySemesterReport(options.reader, { semester, ...(region === undefined ? {} : { region }) })
    if (format !== 'csv') return jsonResponse(report, 200)
    const lang = languageOf(c.get('language'))
    // A slash would make the name a path, of which content-disposition keeps only the last part.
    const name = `${lang === 'id' ? 'laporan-semester' : 'semester-report'}-${semester}${region === undefined ? '' : `-${region.replace(/[\\/]/g, '_')}`}.csv`
    return new Response(semesterReportCsv(report, { lang }), {
      status: 200,
      headers: { 'content-type': 'text/csv; charset=utf-8', 'content-disposition': contentDisposition(name), 'content-language': lang },
    })
  })
}
