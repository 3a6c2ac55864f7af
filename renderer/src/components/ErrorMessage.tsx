/** An error the user should see, announced to screen readers as it appears. */
export function ErrorMessage({ message, onDismiss }: { message: string; onDismiss?: () => void }) {
  return (
    <div className="error" role="alert">
      <span>{message}</span>
      {onDismiss && (
        <button type="button" className="small" onClick={onDismiss}>
          Dismiss
        </button>
      )}
    </div>
  );
}
