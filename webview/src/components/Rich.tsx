import { Fragment, type ReactElement, type ReactNode } from 'react';

/**
 * A translated message whose `{0}`, `{1}`… are elements (a bold name, a link): `text` is `l10n.t('On {0} this mix
 * costs {1}.')` called without arguments, so the translation keeps its own word order around the elements.
 */
export function Rich({ text, args }: { text: string; args: readonly ReactNode[] }): ReactElement {
  const parts = text.split(/\{(\d+)\}/);
  return <>{parts.map((part, i) => (i % 2 === 0 ? part : <Fragment key={i}>{args[Number(part)] ?? `{${part}}`}</Fragment>))}</>;
}
