/**
 * /openapi.json, generated from the endpoint table and its zod schemas (zod's JSON
 * Schema output is the 2020-12 dialect OpenAPI 3.1 uses). The arguments of every named
 * mutation are described too, as components `mutation.<name>`.
 */
import { z } from 'zod';
import { mutationList } from '../domain/mutations';
import { errorResponse, PROTOCOL_VERSION } from '../domain/sync-protocol';
import type { Endpoint } from './routes';

type Json = Record<string, unknown>;

const REF = (id: string) => `#/components/schemas/${id}`;

function schemaOf(schema: z.ZodType): Json {
  const id = z.globalRegistry.get(schema)?.id;
  if (id) return { $ref: REF(String(id)) };
  return z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any', target: 'draft-2020-12' }) as Json;
}

function jsonContent(schema: z.ZodType): Json {
  return { content: { 'application/json': { schema: schemaOf(schema) } } };
}

/** `extra`: paths the endpoint table cannot describe (raw bodies, the WebSocket), written out. */
export function openApiDocument(endpoints: readonly Endpoint[], extra: Json = {}): Json {
  const registry = z.toJSONSchema(z.globalRegistry, { io: 'input', unrepresentable: 'any', target: 'draft-2020-12', uri: REF });
  const schemas: Json = { ...(registry.schemas as Json) };
  for (const m of mutationList) {
    const s = z.toJSONSchema(m.args, { io: 'input', unrepresentable: 'any', target: 'draft-2020-12' }) as Json;
    delete s.$schema;
    schemas[`mutation.${m.name}`] = { ...s, description: `Arguments of ${m.name}; roles: ${m.roles.join(', ')}` };
  }
  for (const s of Object.values(schemas)) delete (s as Json).$schema;

  const paths: Json = {};
  for (const ep of endpoints) {
    const path = ep.path.replace(/:(\w+)/g, '{$1}');
    const ok = ep.produces ? { content: { [ep.produces]: { schema: { type: 'string', format: 'binary' } } } } : jsonContent(ep.response);
    const responses: Json = { [String(ep.status ?? 200)]: { description: 'OK', ...ok } };
    if (ep.body || ep.params) responses['400'] = { description: 'A malformed request, named by field', ...jsonContent(errorResponse) };
    if (ep.body) {
      responses['413'] = { description: 'The body is too large', ...jsonContent(errorResponse) };
      responses['415'] = { description: 'The body is not JSON', ...jsonContent(errorResponse) };
    }
    for (const [status, description] of Object.entries(ep.errors)) responses[status] = { description, ...jsonContent(errorResponse) };
    const op: Json = { summary: ep.summary, operationId: `${ep.method.toLowerCase()}${path.replace(/[{}]/g, '').replace(/\/(\w)/g, (_, c: string) => c.toUpperCase())}`, responses };
    if (ep.auth !== 'none') op.security = [{ [ep.auth === 'device' ? 'deviceToken' : 'userToken']: [] }];
    if (ep.auth === 'admin') op.description = 'Needs the user token of an administrator.';
    if (ep.auth === 'agency') op.description = "Needs the user token of an agency's account (role agency_requester, linked to a person of the agency).";
    if (ep.params) op.parameters = Object.keys((ep.params as z.ZodObject).shape).map((name) => ({ name, in: 'path', required: true, schema: { type: 'string' } }));
    if (ep.body) op.requestBody = { required: true, ...jsonContent(ep.body) };
    paths[path] = { ...(paths[path] as Json), [ep.method.toLowerCase()]: op };
  }
  Object.assign(paths, extra);
  paths['/openapi.json'] = { get: { summary: 'This description', operationId: 'getOpenapi', responses: { 200: { description: 'OpenAPI 3.1' } } } };

  return {
    openapi: '3.1.0',
    info: {
      title: 'GA Desk sync server',
      version: String(PROTOCOL_VERSION),
      description: 'Workstations push their outbox of named mutations and pull changes after a cursor. See docs/sync.md.',
    },
    paths,
    components: {
      schemas,
      securitySchemes: {
        deviceToken: { type: 'http', scheme: 'bearer', description: "An enrolled workstation's token (gad_…), from POST /devices" },
        userToken: { type: 'http', scheme: 'bearer', description: "A signed-in user's token (gau_…), from POST /login" },
      },
    },
  };
}
