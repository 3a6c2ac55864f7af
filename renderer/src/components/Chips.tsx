/** A list of short values shown as chips; `empty` when there are none. */
export function Chips({ items, label, empty }: { items: readonly string[]; label: string; empty: string }) {
  if (items.length === 0) return <p className="muted">{empty}</p>;
  return (
    <ul className="chips" aria-label={label}>
      {items.map((item, index) => (
        <li key={`${index}:${item}`} className="chip">
          {item}
        </li>
      ))}
    </ul>
  );
}
