import { useMemo } from 'react';
import { Box, Typography } from '@mui/material';
import { useFormContext, useWatch } from 'react-hook-form';
import {
  ArrayInput,
  AutocompleteInput,
  CheckboxGroupInput,
  required,
  SimpleFormIterator,
  useDataProvider,
  useRecordContext,
  useSourceContext,
  type Validator,
  Translate,
} from 'react-admin';
import { useQuery } from '@tanstack/react-query';
import type { ConsoleDataProvider } from '../providers/dataProvider';
import type { Occupation } from '@app/contracts';
import { skillLevelChoices } from './choices';
import type { OrganisationView, ScopeEntry } from '@app/contracts';
import { DayInput } from '../common/pickers';

/** The occupation catalogue, loaded once per session (it changes with the national classification, rarely). */
export function useOccupations() {
  const dataProvider = useDataProvider<ConsoleDataProvider>();
  return useQuery({
    queryKey: ['occupations'],
    queryFn: () => dataProvider.getOccupations(),
    staleTime: Infinity,
  });
}

/** The catalogue plus any occupation already in the record's scope that the catalogue no longer lists. */
function useOccupationChoices(): Occupation[] {
  const { data = [] } = useOccupations();
  const record = useRecordContext<OrganisationView>();
  return useMemo(() => {
    const known = new Set(data.map((o) => o.code));
    const legacy = (record?.scope ?? [])
      .filter(
        (entry, i, all) =>
          !known.has(entry.occupationCode) && all.findIndex((e) => e.occupationCode === entry.occupationCode) === i,
      )
      .map((entry) => ({
        code: entry.occupationCode,
        name: entry.occupationName,
        levels: [1, 2, 3, 4, 5],
        inQualificationCatalogue: 'no' as const,
      }));
    return [...data, ...legacy];
  }, [data, record]);
}

/** "scope.2.levels" → "scope.2" */
function rowPath(source: string): string {
  return source.slice(0, source.lastIndexOf('.'));
}

function rowOf(allValues: Record<string, unknown>, source: string): Partial<ScopeEntry> {
  const path = rowPath(source).split('.');
  let node: unknown = allValues;
  for (const key of path) node = (node as Record<string, unknown> | undefined)?.[key];
  return node ?? {};
}

const CATALOGUE_NOTE: Record<Occupation['inQualificationCatalogue'], string> = {
  yes: '（职业资格目录）',
  partial: '（部分工种属职业资格目录）',
  no: '',
};
const occupationText = (o: Occupation) => `${o.code} ${o.name}${CATALOGUE_NOTE[o.inQualificationCatalogue] ?? ''}`;

const OccupationInput = () => {
  const choices = useOccupationChoices();
  const { isPending } = useOccupations();
  const { setValue } = useFormContext();
  const { getSource } = useSourceContext();
  // The Box sets the width: the iterator's inline row ignores the input's own sx.
  return (
    <Box sx={{ width: 320, flexShrink: 0 }}>
      <AutocompleteInput
        source="occupationCode"
        label="resources.organisations.scope.occupationCode"
        choices={choices}
        optionValue="code"
        optionText={occupationText}
        isPending={isPending}
        validate={required()}
        // The API stores the name beside the code, so take it from the catalogue when the code changes.
        onChange={(_code: string, choice: unknown) => {
          const occupation = choice ? (choice as Occupation) : undefined;
          setValue(getSource('occupationName'), occupation?.name ?? '', { shouldDirty: true });
        }}
      />
    </Box>
  );
};

const LevelsInput = () => {
  const choices = useOccupationChoices();
  const { getSource } = useSourceContext();
  const code = useWatch({ name: getSource('occupationCode') }) as string | undefined;
  const offered = choices.find((o) => o.code === code)?.levels;
  // Short labels keep the five boxes on one line; the full names are in the helper text.
  const levelChoices = skillLevelChoices.map((c) => ({
    id: c.id,
    name: c.short,
    disabled: !!offered && !offered.includes(c.id),
  }));

  const withinOccupation: Validator = (value: number[] | undefined, allValues, props) => {
    const row = rowOf(allValues, props?.source ?? '');
    const levels = choices.find((o) => o.code === row.occupationCode)?.levels;
    const outside = (value ?? []).filter((level) => levels && !levels.includes(level));
    return outside.length > 0 ? 'app.organisations.scope.levels_outside' : undefined;
  };
  const atLeastOne: Validator = (value: number[] | undefined) =>
    !value || value.length === 0 ? 'app.organisations.scope.levels_required' : undefined;

  return (
    <Box sx={{ minWidth: 360, flexShrink: 0 }}>
      <CheckboxGroupInput
        source="levels"
        label="resources.organisations.scope.levels"
        choices={levelChoices}
        validate={[atLeastOne, withinOccupation]}
        format={(value: number[] | undefined) => value ?? []}
        fullWidth={false}
      />
    </Box>
  );
};

const validToAfterFrom: Validator = (value: string | null | undefined, allValues, props) => {
  const row = rowOf(allValues, props?.source ?? '');
  return value && row.validFrom && value < row.validFrom ? 'app.organisations.scope.valid_to_before_from' : undefined;
};

/**
 * The same occupation may appear again only for other levels or another period: a narrowing edit leaves the levels it
 * dropped as an entry ended yesterday next to the narrowed one.
 */
const noDuplicateOccupation: Validator = (value: Partial<ScopeEntry>[] | undefined) => {
  const entries = (value ?? []).filter((entry) => entry?.occupationCode);
  const clash = entries.find((a, i) =>
    entries.some(
      (b, j) =>
        j > i &&
        a.occupationCode === b.occupationCode &&
        (a.levels ?? []).some((level) => (b.levels ?? []).includes(level)) &&
        (a.validFrom ?? '') <= (b.validTo ?? '9999-12-31') &&
        (b.validFrom ?? '') <= (a.validTo ?? '9999-12-31'),
    ),
  );
  return clash ? { message: 'app.organisations.scope.duplicate', args: { code: clash.occupationCode } } : undefined;
};

/** an institution's registered scope — occupation, levels and validity. */
export const ScopeInput = () => (
  <>
    <Typography variant="body2" sx={{ color: 'text.secondary', mb: 1 }}>
      <Translate i18nKey="app.organisations.scope.levels_help" />
    </Typography>
    <ArrayInput source="scope" label={false} validate={noDuplicateOccupation}>
      <SimpleFormIterator inline disableReordering fullWidth>
        <OccupationInput />
        <LevelsInput />
        <DayInput
          source="validFrom"
          label="resources.organisations.scope.validFrom"
          validate={required()}
          fullWidth={false}
          sx={{ width: 180 }}
        />
        <DayInput
          source="validTo"
          label="resources.organisations.scope.validTo"
          helperText="resources.organisations.scope.validToHelp"
          validate={validToAfterFrom}
          parse={(value: string) => (value === '' ? null : value)}
          fullWidth={false}
          sx={{ width: 180 }}
        />
      </SimpleFormIterator>
    </ArrayInput>
  </>
);
