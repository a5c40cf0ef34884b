import { eventNames, procedureNames } from '../shared/api/procedure-names';

/**
 * Every call carries this header (value `1`): a custom header forces a CORS preflight, which the
 * harness never approves, so other web pages cannot call procedures.
 */
export const harnessCallHeader = 'x-maktab-harness';

/**
 * The browser-side transport of the harness, served as /__harness/api.js and loaded before the
 * app: it defines `window.api` over fetch and server-sent events, with the same shape the preload
 * gives the app over IPC. Production bundles never contain it.
 */
export function apiShimSource(): string {
  return `(() => {
  const procedures = ${JSON.stringify(procedureNames)};
  const events = new Set(${JSON.stringify(eventNames)});
  const listeners = new Map();
  let source = null;
  const api = {};
  for (const name of procedures) {
    api[name] = (input) =>
      fetch('/__harness/call', {
        method: 'POST',
        headers: { 'content-type': 'application/json', '${harnessCallHeader}': '1' },
        body: JSON.stringify({ name, input: input === undefined ? {} : input }),
      }).then((response) => response.json());
  }
  function connect() {
    source = new EventSource('/__harness/events');
    source.onmessage = (message) => {
      const { event, payload } = JSON.parse(message.data);
      for (const listener of listeners.get(event) || []) listener(payload);
    };
  }
  api.on = (event, listener) => {
    if (!events.has(event)) throw new Error('unknown event ' + event);
    if (!source) connect();
    if (!listeners.has(event)) listeners.set(event, new Set());
    listeners.get(event).add(listener);
    return () => listeners.get(event).delete(listener);
  };
  Object.defineProperty(window, 'api', { value: Object.freeze(api), writable: false });
})();
`;
}
