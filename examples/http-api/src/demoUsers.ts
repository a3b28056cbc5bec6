import type { Actor } from '@kerjasama/core'

/**
 * Who a request is, for this example only. A real app authenticates with its
 * own sign-in (SSO of the pemda, a session cookie, a signed token) and hands
 * the handler the actor it found; here a header picks one of a few known
 * officers, and a browser without it reads the dashboard as the provincial
 * cooperation bureau's viewer.
 */
export const demoUsers: Readonly<Record<string, Actor>> = Object.freeze({
  'biro-kerja-sama': { id: 'biro-kerja-sama-jateng', role: 'tkksd', actsFor: '33' },
  'opd-kebumen': { id: 'opd-dinkop-kebumen', role: 'opd', actsFor: '33.05' },
  'tkksd-kebumen': { id: 'tkksd-sekda-kebumen', role: 'tkksd', actsFor: '33.05' },
  'bupati-kebumen': { id: 'bupati-kebumen', role: 'kepala-daerah', actsFor: '33.05' },
  'monev-kebumen': { id: 'inspektorat-kebumen', role: 'monev', actsFor: '33.05' },
})

export const DEMO_USER_HEADER = 'x-demo-user'

export function authenticateDemoUser(request: Request): Actor | undefined {
  const name = request.headers.get(DEMO_USER_HEADER)
  if (name === null) return request.method === 'GET' || request.method === 'HEAD' ? demoUsers['biro-kerja-sama'] : undefined
  return demoUsers[name]
}
