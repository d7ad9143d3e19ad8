import { SelectInput, TextInput } from 'react-admin';
import { CORRECTION_STAGE_LABELS, CORRECTION_STATUS_LABELS, CORRECTION_TYPE_LABELS } from '@app/contracts';

const choicesOf = (labels: Record<string, string>) => Object.entries(labels).map(([id, name]) => ({ id, name }));

export const correctionStatusChoices = choicesOf(CORRECTION_STATUS_LABELS);
export const correctionStageChoices = choicesOf(CORRECTION_STAGE_LABELS);
export const correctionTypeChoices = choicesOf(CORRECTION_TYPE_LABELS);

export const correctionFilters = [
  <SelectInput
    key="status"
    source="status"
    choices={correctionStatusChoices}
    translateChoice={false}
    emptyText="app.corrections.all_statuses"
    alwaysOn
  />,
  <SelectInput
    key="stage"
    source="stage"
    choices={correctionStageChoices}
    translateChoice={false}
    emptyText="app.corrections.all_stages"
    alwaysOn
    sx={{ minWidth: 180 }}
  />,
  <SelectInput
    key="type"
    source="type"
    choices={correctionTypeChoices}
    translateChoice={false}
    emptyText="app.corrections.all_types"
    alwaysOn
  />,
  <TextInput key="certificateId" source="certificateId" label="app.screening.certificate_id" />,
];
