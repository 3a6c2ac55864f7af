/** The tray icon and its menu; what they show comes from the pure trayState(). */
import { join } from 'node:path';
import { Menu, Tray, nativeImage, type NativeImage } from 'electron';
import type { SamplerStatus } from '../../contract/api.js';
import type { Snapshot } from '../../contract/snapshot.js';
import { trayState, type TrayState } from './tray-state.js';

export interface TrayActions {
  open(): void;
  sampleNow(): void;
  exportSnapshot(): void;
  togglePause(): void;
  toggleNotifications(): void;
  quit(): void;
}

export interface TelltaleTray {
  /** Re-renders icon, tooltip and menu; returns what is now shown. */
  update(snapshot: Snapshot | null, status: SamplerStatus, notificationsOn: boolean): TrayState;
  readonly state: TrayState;
  destroy(): void;
}

/**
 * macOS menu bar icons are template images (black + alpha, recoloured by the system), so there
 * the level shows in the tooltip only; elsewhere each level has its own coloured icon.
 * nativeImage picks the @2x file on HiDPI screens by itself.
 */
function iconFile(assetsDir: string, state: TrayState): string {
  return join(assetsDir, process.platform === 'darwin' ? 'trayTemplate.png' : `${state.iconName}.png`);
}

export function createTray(
  assetsDir: string,
  actions: TrayActions,
  snapshot: Snapshot | null,
  status: SamplerStatus,
  notificationsOn: boolean,
): TelltaleTray {
  const images = new Map<string, NativeImage>();
  const image = (file: string): NativeImage => {
    let cached = images.get(file);
    if (!cached) {
      cached = nativeImage.createFromPath(file);
      images.set(file, cached);
    }
    return cached;
  };

  let state = trayState(snapshot, status, notificationsOn);
  let shownIcon = iconFile(assetsDir, state);
  const tray = new Tray(image(shownIcon));
  tray.on('click', () => actions.open());

  const render = (): void => {
    const file = iconFile(assetsDir, state);
    if (file !== shownIcon) {
      tray.setImage(image(file));
      shownIcon = file;
    }
    tray.setToolTip(state.tooltip);
    const { menu } = state;
    tray.setContextMenu(
      Menu.buildFromTemplate([
        { label: menu.open, click: () => actions.open() },
        { label: menu.sampleNow, enabled: menu.sampleNowEnabled, click: () => actions.sampleNow() },
        { label: menu.exportSnapshot, enabled: menu.exportEnabled, click: () => actions.exportSnapshot() },
        { label: menu.pauseResume, click: () => actions.togglePause() },
        { label: menu.notifications, click: () => actions.toggleNotifications() },
        { type: 'separator' },
        { label: menu.quit, click: () => actions.quit() },
      ]),
    );
  };
  render();

  return {
    update(nextSnapshot, nextStatus, nextNotificationsOn) {
      const next = trayState(nextSnapshot, nextStatus, nextNotificationsOn);
      // Status arrives with every heartbeat; rebuilding an unchanged menu would make an open one flicker.
      if (JSON.stringify(next) !== JSON.stringify(state)) {
        state = next;
        render();
      }
      return state;
    },
    get state() {
      return state;
    },
    destroy: () => tray.destroy(),
  };
}
