// One titled block of the options page; the heading labels the region for screen readers.
import type { ComponentChildren } from 'preact';

export function Section({ id, title, intro, children }: { id: string; title: string; intro?: ComponentChildren; children: ComponentChildren }) {
  return (
    <section class="section" id={id} aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>{title}</h2>
      {intro && <p class="intro">{intro}</p>}
      {children}
    </section>
  );
}

export function Toggle({ label, hint, checked, onChange, testId }: { label: string; hint?: string; checked: boolean; onChange: (value: boolean) => void; testId?: string }) {
  return (
    <label class="toggle">
      <input type="checkbox" role="switch" checked={checked} data-testid={testId} onChange={(e) => onChange((e.currentTarget as HTMLInputElement).checked)} />
      <span>
        <span class="toggle-label">{label}</span>
        {hint && <span class="hint">{hint}</span>}
      </span>
    </label>
  );
}
