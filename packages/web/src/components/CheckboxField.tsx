import type { ReactNode } from 'react';
import { Checkbox } from 'react-aria-components';
import './controls.css';

/** A large checkbox card: the whole card is the target, and the box is drawn big enough to see. */
export function CheckboxField({
  children,
  isSelected,
  onChange,
  name,
  value,
}: {
  children: ReactNode;
  isSelected: boolean;
  onChange: (isSelected: boolean) => void;
  name?: string;
  value?: string;
}) {
  return (
    <Checkbox
      className="check"
      isSelected={isSelected}
      onChange={onChange}
      {...(name === undefined ? {} : { name })}
      {...(value === undefined ? {} : { value })}
    >
      <span className="check__box">
        <svg viewBox="0 0 18 18" focusable="false" aria-hidden="true">
          <polyline points="3 9.5 7.5 14 15 4.5" />
        </svg>
      </span>
      <span className="check__text">{children}</span>
    </Checkbox>
  );
}
