import { contextBridge, ipcRenderer } from 'electron';
import { buildBridge, callChannel, eventChannel } from './bridge';

// The only thing the page receives: window.api, with no IPC object anywhere in it.
contextBridge.exposeInMainWorld(
  'api',
  buildBridge(
    (name, input) => ipcRenderer.invoke(callChannel, name, input),
    (deliver) => {
      ipcRenderer.on(eventChannel, (_event, name: unknown, payload: unknown) =>
        deliver(name, payload),
      );
    },
  ),
);
