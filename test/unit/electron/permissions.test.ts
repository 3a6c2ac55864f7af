import { describe, expect, it } from 'vitest';
import { permissionAllowed } from '../../../main/electron/permissions.js';

describe('web permissions', () => {
  it('grants the app its clipboard writes and nothing else', () => {
    expect(permissionAllowed('clipboard-sanitized-write', 'app://telltale/index.html')).toBe(true);
    for (const permission of ['notifications', 'clipboard-read', 'media', 'geolocation', 'openExternal', 'fullscreen', 'unknown']) {
      expect(permissionAllowed(permission, 'app://telltale/index.html'), permission).toBe(false);
    }
  });

  it('grants nothing to any other content', () => {
    for (const url of ['https://example.com/', 'app://telltale.evil/', 'file:///etc/passwd', 'http://127.0.0.1:5173/', '']) {
      expect(permissionAllowed('clipboard-sanitized-write', url), url).toBe(false);
    }
  });
});
