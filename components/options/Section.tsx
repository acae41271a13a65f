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

/** A checkbox whose name is its label alone; the hint is its description, not part of its name. */
export function Toggle({ label, hint, checked, onChange, testId }: { label: string; hint?: string; checked: boolean; onChange: (value: boolean) => void; testId?: string }) {
  const id = `toggle-${(testId ?? label).replace(/[^A-Za-z0-9]+/g, '-')}`;
  const hintId = hint ? `${id}-hint` : undefined;
  return (
    <div class="toggle">
      <input type="checkbox" id={id} aria-describedby={hintId} checked={checked} data-testid={testId} onChange={(e) => onChange((e.currentTarget as HTMLInputElement).checked)} />
      <span>
        <label class="toggle-label" for={id}>{label}</label>
        {hint && <span class="hint" id={hintId}>{hint}</span>}
      </span>
    </div>
  );
}
