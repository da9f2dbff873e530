/**
 * A reply body that is already JSON text: app.ts sends it as it is, with the JSON
 * content type, instead of serialising an object (a pull page built from the stored
 * record texts, store/changes.ts).
 */
export class JsonText {
  constructor(readonly body: string | Buffer) {}
}
