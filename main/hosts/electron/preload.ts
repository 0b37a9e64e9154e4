// Runs sandboxed before the page: only contextBridge and ipcRenderer exist here, and the page
// gets nothing but the two functions of the bridge (DESIGN.md §1).
import { contextBridge, ipcRenderer } from 'electron';
import { createShuttleBridge } from './shuttle-bridge.ts';

contextBridge.exposeInMainWorld('shuttle', createShuttleBridge(ipcRenderer));
