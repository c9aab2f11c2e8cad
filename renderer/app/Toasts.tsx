import { useT } from '../i18n/useT.ts';
import { toastStore } from './toast-store.ts';

/** Confirmations in a polite live region, refusals in an assertive one. */
export function Toasts() {
  const { t } = useT();
  const toasts = toastStore((s) => s.toasts);
  const dismiss = toastStore((s) => s.dismiss);
  const render = (kind: 'info' | 'error') =>
    toasts
      .filter((toast) => toast.kind === kind)
      .map((toast) => (
        <div key={toast.id} className={`toast ${kind}`}>
          <div className="grow">
            {toast.title !== undefined && <strong>{toast.title}</strong>}
            {toast.text}
          </div>
          <button type="button" className="icon-btn" style={{ color: 'inherit' }} aria-label={t.common.close} onClick={() => dismiss(toast.id)}>
            ✕
          </button>
        </div>
      ));
  return (
    <div className="toasts">
      <div role="status" aria-live="polite" className="stack">
        {render('info')}
      </div>
      <div role="alert" aria-live="assertive" className="stack">
        {render('error')}
      </div>
    </div>
  );
}
