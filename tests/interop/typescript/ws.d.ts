// The little of the ws package these tests use (a Node WebSocket that can send headers and read the upgrade response).
declare module "ws" {
  export default class WebSocket {
    constructor(url: string, protocols: string[], options: { headers: Record<string, string> });
    on(event: "upgrade", listener: (response: { headers: Record<string, string | string[] | undefined> }) => void): this;
  }
}
