import { useT } from '../hooks/useT.js';

/** An error the user should see, announced to screen readers as it appears. */
export function ErrorMessage({ message, onDismiss }: { message: string; onDismiss?: () => void }) {
  const t = useT();
  return (
    <div className="error" role="alert">
      <span>{message}</span>
      {onDismiss && (
        <button type="button" className="small" onClick={onDismiss}>
          {t('shell.dismiss')}
        </button>
      )}
    </div>
  );
}
