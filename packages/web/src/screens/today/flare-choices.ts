import type { FlareSeverity, SuspectedTrigger } from '@sunlog/core/records/flare';
import type { Choice } from '../../components/ChoiceGroup.tsx';

// The flare-up choices, shared by the open flare-up (first load) and the start form (on demand).

export const SEVERITIES: readonly Choice<FlareSeverity>[] = [
  { value: 'mild', name: 'Mild', detail: 'noticeable, but I can do most things' },
  { value: 'moderate', name: 'Moderate', detail: 'it gets in the way of daily life' },
  { value: 'severe', name: 'Severe', detail: 'I cannot do much at all' },
];

export const STEROIDS: readonly Choice<'no' | 'yes'>[] = [
  { value: 'no', name: 'No' },
  { value: 'yes', name: 'Yes' },
];

export const TRIGGERS: readonly Choice<SuspectedTrigger>[] = [
  { value: 'none-known', name: 'Nothing I know of' },
  { value: 'fever-or-infection', name: 'A fever or an infection' },
  { value: 'heat', name: 'Heat', detail: 'hot weather, a hot bath, exercise' },
  { value: 'stress', name: 'Stress' },
];
