import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';

/** A secret the API shows this once (an API token, a webhook's signing secret), with a copy button. */
export function ShownOnce({ id, title, label, value }: { id: string; title: string; label: string; value: string }) {
  const { t } = useTranslation('organization');
  const [copied, setCopied] = useState<boolean | null>(null);
  const box = useRef<HTMLDivElement>(null);
  const input = useRef<HTMLInputElement>(null);
  useEffect(() => box.current?.focus(), [value]);
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(value);
      setCopied(true);
    } catch {
      input.current?.select();
      setCopied(document.execCommand?.('copy') ?? false);
    }
  };
  return (
    <div className="notice notice--success" ref={box} tabIndex={-1} aria-labelledby={`${id}-title`}>
      <h3 id={`${id}-title`}>{title}</h3>
      <p>{t('shownOnce')}</p>
      <div className="field">
        <label htmlFor={id}>{label}</label>
        <div className="copy-row">
          <input
            ref={input}
            id={id}
            className="input secret"
            readOnly
            value={value}
            onFocus={(event) => event.currentTarget.select()}
          />
          <button type="button" className="button button--secondary" onClick={() => void copy()}>
            {t('copy')}
          </button>
        </div>
      </div>
      <p role="status">{copied === true ? t('copied') : copied === false ? t('copyFailed') : ''}</p>
    </div>
  );
}
