import { isTemporaryNumber } from '../actions/numbering.ts';
import { useT } from '../i18n/useT.ts';

/** A dossier or quote number, marked when it is a temporary local one. */
export function DossierNumber({ number }: { readonly number: string }) {
  const { t } = useT();
  if (!isTemporaryNumber(number)) return <span className="num-text">{number}</span>;
  return (
    <span className="num-text" title={t.common.temporaryNumberHint}>
      {number} <span className="badge warn">{t.common.temporaryNumber}</span>
    </span>
  );
}
