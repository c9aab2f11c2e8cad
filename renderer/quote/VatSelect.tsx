import type { BasisPoints } from '../../core/money/index.ts';
import { useT } from '../i18n/useT.ts';
import { referenceStore } from '../reference/reference-store.ts';

interface VatSelectProps {
  readonly value: BasisPoints;
  readonly label: string;
  readonly disabled?: boolean;
  onChange(rate: BasisPoints): void;
}

/** The VAT rates the administrator allows on misc and fee lines (core QuoteSettings). */
export function VatSelect({ value, label, disabled = false, onChange }: VatSelectProps) {
  const { fmt } = useT();
  const rates = referenceStore((s) => s.settings.quote.allowedVatRates);
  const options = rates.includes(value) ? rates : [value, ...rates];
  return (
    <select aria-label={label} value={value} disabled={disabled} onChange={(e) => onChange(Number(e.target.value) as BasisPoints)}>
      {options.map((rate) => (
        <option key={rate} value={rate}>
          {fmt.percent(rate)}
        </option>
      ))}
    </select>
  );
}
