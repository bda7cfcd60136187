import { Label, Text } from 'react-aria-components';

/** A React Aria field's label and hint (its description), as every field here shows them. */
export function AriaLabel({ label, hint }: { label: string; hint?: string }) {
  return (
    <>
      <Label>{label}</Label>
      {hint ? (
        <Text slot="description" className="hint">
          {hint}
        </Text>
      ) : null}
    </>
  );
}
