import type { UnusualEntry } from '@sunlog/core/plausibility';
import { useEffect, useId, useRef, useState } from 'react';
import { Button } from 'react-aria-components';

/**
 * "Is this right?" before an unusual number is saved (see core plausibility.ts): an inline step in the
 * form, so it works inside a dialog too. It names the number in both units; "Yes, save it" saves,
 * "No, change it" goes back to the field. The question is dropped as soon as the number changes.
 */
export interface UnusualQuestion {
  entry: UnusualEntry;
  /** What the question is about (the value and unit as typed); another key means another question. */
  key: string;
  proceed: () => void;
}

export function useUnusualConfirm(currentKey: string) {
  const [question, setQuestion] = useState<UnusualQuestion>();
  const [confirmedKey, setConfirmedKey] = useState<string>();
  const shown = question !== undefined && question.key === currentKey ? question : undefined;
  return {
    question: shown,
    /**
     * Runs `proceed` at once when there is nothing to ask (or the person already said yes to this
     * number); otherwise asks first.
     */
    askOrProceed(entry: UnusualEntry | null, proceed: () => void) {
      if (entry === null || confirmedKey === currentKey) {
        setQuestion(undefined);
        proceed();
        return;
      }
      setQuestion({ entry, key: currentKey, proceed });
    },
    confirm() {
      if (shown === undefined) return;
      setConfirmedKey(shown.key);
      setQuestion(undefined);
      shown.proceed();
    },
    cancel() {
      setQuestion(undefined);
    },
  };
}

export function UnusualConfirm({
  state,
  fieldRef,
}: {
  state: ReturnType<typeof useUnusualConfirm>;
  /** The field to go back to with "No, change it". */
  fieldRef?: React.RefObject<HTMLElement | null> | undefined;
}) {
  const headingId = useId();
  const headingRef = useRef<HTMLHeadingElement>(null);
  const question = state.question;
  useEffect(() => {
    if (question !== undefined) headingRef.current?.focus();
  }, [question]);
  if (question === undefined) return null;
  return (
    <section className="note confirm-unusual" aria-labelledby={headingId}>
      <h3 id={headingId} ref={headingRef} tabIndex={-1}>
        Is this right?
      </h3>
      <p className="confirm-unusual__amounts">You entered {question.entry.amounts}.</p>
      <p>{question.entry.reason}</p>
      <div className="button-row">
        <Button className="button button--primary" onPress={() => state.confirm()}>
          Yes, save it
        </Button>
        <Button
          className="button"
          onPress={() => {
            state.cancel();
            fieldRef?.current?.focus();
          }}
        >
          No, change it
        </Button>
      </div>
    </section>
  );
}
