import { useEffect, useState } from 'react';
import type { DesktopSettings, UpdateChannel, UpdateStatus } from '../../electron/bridge.ts';
import { desktopBridge } from '../bridge.ts';
import { useT } from '../i18n/useT.ts';

/** Desktop only: update state, "check now", install, and the channel (unless IT locked it). */
export function UpdatesSection() {
  const { t } = useT();
  const bridge = desktopBridge();
  const [status, setStatus] = useState<UpdateStatus>({ state: 'idle' });
  const [settings, setSettings] = useState<DesktopSettings | null>(null);
  useEffect(() => {
    if (bridge === null) return;
    void bridge.settings.get().then((r) => r.ok && setSettings(r.value));
    return bridge.updates.onStatus(setStatus);
  }, [bridge]);
  if (bridge === null) return null;
  const detail = 'version' in status ? ` ${status.version}` : status.state === 'error' ? ` : ${status.message}` : '';
  return (
    <fieldset className="stack">
      <legend>{t.settings.updates}</legend>
      <p role="status" style={{ margin: 0 }}>
        {t.settings.updateStatus[status.state]}
        {detail}
        {status.state === 'downloading' && ` ${Math.round(status.percent)} %`}
      </p>
      {settings !== null && (
        <label>
          {t.settings.channel}
          <select
            value={settings.updateChannel}
            disabled={settings.updateChannelLocked}
            onChange={(e) => void bridge.settings.setUpdateChannel(e.target.value as UpdateChannel).then((r) => r.ok && setSettings(r.value))}
          >
            <option value="stable">{t.settings.channels.stable}</option>
            <option value="beta">{t.settings.channels.beta}</option>
          </select>
        </label>
      )}
      <div className="row">
        <button type="button" className="btn" onClick={() => void bridge.updates.check().then((r) => r.ok && setStatus(r.value))}>
          {t.settings.checkUpdates}
        </button>
        {status.state === 'downloaded' && (
          <button type="button" className="btn primary" onClick={() => void bridge.updates.installAndRestart()}>
            {t.settings.installUpdate}
          </button>
        )}
      </div>
    </fieldset>
  );
}
