/** The workstation's API as the screens call it (loopback HTTP with the launch secret), for a test's setup and checks. */
import type { ApiArgs, ApiName, ApiResults } from '../../../domain/api';
import type { Workstation } from '../support/workstation';

export async function call<N extends ApiName>(ws: Workstation, name: N, args: ApiArgs<N>): Promise<ApiResults[N]> {
  const secret = new URLSearchParams(new URL(ws.url).hash.slice(1)).get('k');
  const res = await fetch(`${ws.origin}/api/${name}`, { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${secret}` }, body: JSON.stringify(args) });
  if (!res.ok) throw new Error(`${name}: ${res.status} ${await res.text()}`);
  return (await res.json()) as ApiResults[N];
}
