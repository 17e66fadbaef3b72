import type { NavIconName } from '../routes.ts';

/** Simple line drawings, 24×24 on a 2px stroke. */
const DRAWINGS: Record<NavIconName, string> = {
  today:
    'M12 3v2M12 19v2M3 12h2M19 12h2M5.6 5.6l1.4 1.4M17 17l1.4 1.4M5.6 18.4L7 17M17 7l1.4-1.4M12 8a4 4 0 1 0 0 8a4 4 0 1 0 0-8z',
  history: 'M4 5h16v15H4zM4 10h16M8 3v4M16 3v4M8 14h3M8 17h6',
  insights: 'M4 20h16M6 20v-6M11 20V8M16 20v-9M20 4l-4 4l-4-2l-6 5',
  'check-in': 'M5 4h14v17H5zM9 3h6v3H9zM8.5 13l2.5 2.5L16 10.5',
  share: 'M12 15V3M7.5 7.5L12 3l4.5 4.5M5 12v8h14v-8',
  learn: 'M4 5c3-1 6-1 8 1c2-2 5-2 8-1v14c-3-1-6-1-8 1c-2-2-5-2-8-1zM12 6v14',
  // Two sliders, so Settings does not look like Today's sun.
  settings: 'M4 7h9M17 7h3M15 4.5v5M4 17h3M11 17h9M9 14.5v5',
  more: 'M5 12h.01M12 12h.01M19 12h.01',
};

/** The drawing beside a navigation label; decorative, since the label is always shown. */
export function NavIcon({ name }: { name: NavIconName }) {
  return (
    <svg
      className={name === 'more' ? 'nav-icon nav-icon--dots' : 'nav-icon'}
      viewBox="0 0 24 24"
      aria-hidden="true"
      focusable="false"
    >
      <path
        d={DRAWINGS[name]}
        fill="none"
        stroke="currentColor"
        strokeWidth="2"
        strokeLinecap="round"
        strokeLinejoin="round"
      />
    </svg>
  );
}
