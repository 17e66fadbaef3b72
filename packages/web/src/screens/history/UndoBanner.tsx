import { useEffect, useRef, useState } from 'react';
import { Button } from 'react-aria-components';
import { historyStrings as t } from './strings.ts';

/** How long the undo offer stays at the least; it waits longer while the pointer or focus is on it. */
export const UNDO_VISIBLE_MS = 20_000;

export interface UndoOffer {
  /** Changes with every new offer, so a second delete restarts the clock. */
  key: string;
  message: string;
  onUndo: () => void;
  isUndoing: boolean;
}

/**
 * The "deleted — Undo" banner. Its live region is always in the page, so the message is announced when it
 * appears; focus moves to Undo so a keyboard user can take it back at once. It leaves after
 * UNDO_VISIBLE_MS unless the person is on it, or when they dismiss it.
 */
export function UndoBanner({
  offer,
  notice,
  onDismiss,
}: {
  offer: UndoOffer | null;
  /** A message with no action, such as "Daily check restored." */
  notice: string | undefined;
  onDismiss: () => void;
}) {
  const undoRef = useRef<HTMLButtonElement>(null);
  const [isHeld, setHeld] = useState(false);
  const offerKey = offer?.key;

  // The dialog that asked closes as the offer appears, and while it is still in the page it keeps focus
  // inside itself; it leaves in the next render and gives focus back then. So Undo takes focus a frame
  // later, once the dialog is gone.
  useEffect(() => {
    if (offerKey === undefined) return;
    const frame = requestAnimationFrame(() => undoRef.current?.focus());
    return () => cancelAnimationFrame(frame);
  }, [offerKey]);

  useEffect(() => {
    if ((offerKey === undefined && notice === undefined) || isHeld) return;
    const timer = window.setTimeout(onDismiss, offerKey === undefined ? 8_000 : UNDO_VISIBLE_MS);
    return () => window.clearTimeout(timer);
  }, [offerKey, notice, isHeld, onDismiss]);

  const isShown = offer !== null || notice !== undefined;
  return (
    <section
      className={isShown ? 'undo-banner undo-banner--shown' : 'undo-banner'}
      aria-label={t.undoRegion}
      onPointerEnter={() => setHeld(true)}
      onPointerLeave={() => setHeld(false)}
      onFocus={() => setHeld(true)}
      onBlur={(event) => {
        if (!event.currentTarget.contains(event.relatedTarget)) setHeld(false);
      }}
    >
      <div role="status" className="undo-banner__message">
        {offer?.message ?? notice}
      </div>
      {isShown ? (
        <div className="undo-banner__actions">
          {offer === null ? null : (
            <Button ref={undoRef} className="button button--primary" onPress={offer.onUndo}>
              {offer.isUndoing ? t.undoing : t.undo}
            </Button>
          )}
          <Button className="button" onPress={onDismiss}>
            {t.dismiss}
          </Button>
        </div>
      ) : null}
    </section>
  );
}
