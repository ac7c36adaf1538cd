/** The panel head of the State and Storage tabs: a labelled choice of node, then what the panel shows of it. @module */
import { useId, type ReactNode } from 'react';

export function NodePicker({ label, nodes, value, onSelect, children }: { label: string; nodes: readonly { id: string; label: string }[]; value: string; onSelect(id: string): void; children: ReactNode }) {
  const selectId = useId();
  return (
    <p className="mlw-panel-head">
      <label htmlFor={selectId}>{label}</label>{' '}
      <select id={selectId} value={value} onChange={(e) => onSelect(e.target.value)} className="mlw-select">
        {nodes.map((n) => (
          <option key={n.id} value={n.id}>
            {n.label}
          </option>
        ))}
      </select>{' '}
      {children}
    </p>
  );
}
