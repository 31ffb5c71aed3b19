/** The outcome of a save or a test send under a form: an alert when it failed, a status otherwise. */
export function FormMessage({ message }: { message: { text: string; error?: boolean } | null | undefined }) {
  if (!message) return null;
  return (
    <p
      role={message.error ? 'alert' : 'status'}
      className={message.error ? 'text-sm text-red-700 dark:text-red-300' : 'text-sm'}
    >
      {message.text}
    </p>
  );
}

/** A section's data that could not be loaded. */
export function LoadError({ error }: { error: unknown }) {
  if (!error) return null;
  return (
    <p role="alert" className="text-sm text-red-700 dark:text-red-300">
      {error instanceof Error ? error.message : String(error)}
    </p>
  );
}
