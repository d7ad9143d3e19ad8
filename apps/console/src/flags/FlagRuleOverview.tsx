import { Alert, Box, Card, CardActionArea, Link, Stack, Typography } from '@mui/material';
import { useQuery } from '@tanstack/react-query';
import { useDataProvider, useListContext, useTranslate } from 'react-admin';
import type { FlagStatus } from '@app/contracts';
import type { ConsoleDataProvider } from '../providers/dataProvider';
import { countsByRule } from './flagDisplay';

/**
 * 疑似问题 by rule: what is waiting for a decision under each rule, and what was suspended or dismissed.
 * A figure narrows the list below to that rule and status; the selected rule is outlined.
 */
export const FlagRuleOverview = () => {
  const dataProvider = useDataProvider<ConsoleDataProvider>();
  const translate = useTranslate();
  const { filterValues, setFilters, displayedFilters } = useListContext();
  const { data, error } = useQuery({ queryKey: ['flags', 'summary'], queryFn: () => dataProvider.getFlagSummary() });
  if (error) return <Alert severity="error">{translate(error.message, { _: error.message })}</Alert>;
  if (!data) return null;
  const show = (rule: string, status: FlagStatus) =>
    setFilters({ ...filterValues, rule, status }, displayedFilters, false);
  return (
    <Box sx={{ p: 1.5 }} data-testid="flag-overview">
      <Box sx={{ display: 'grid', gridTemplateColumns: 'repeat(auto-fill, minmax(200px, 1fr))', gap: 1 }}>
        {countsByRule(data).map((count) => {
          const selected = filterValues.rule === count.rule;
          const quiet = count.open + count.suspended + count.dismissed === 0;
          return (
            <Card
              key={count.rule}
              variant="outlined"
              sx={{
                height: '100%',
                borderColor: selected ? 'primary.main' : undefined,
                borderWidth: selected ? 2 : 1,
              }}
              data-testid={`flag-rule-${count.rule}`}
            >
              <CardActionArea onClick={() => show(count.rule, 'open')} sx={{ px: 1.5, pt: 1, pb: 0.5 }}>
                <Typography
                  variant="body2"
                  sx={{ color: quiet ? 'text.disabled' : 'text.primary', minHeight: '2.6em' }}
                >
                  {count.ruleLabel}
                </Typography>
                <Stack direction="row" spacing={1} sx={{ alignItems: 'baseline' }}>
                  <Typography
                    variant="h6"
                    component="span"
                    sx={{ fontWeight: 600, color: count.open > 0 ? 'warning.dark' : 'text.disabled' }}
                    data-testid="flag-rule-open"
                  >
                    {count.open}
                  </Typography>
                  <Typography variant="caption" sx={{ color: 'text.secondary' }}>
                    {translate('app.flags.overview.open')}
                  </Typography>
                </Stack>
              </CardActionArea>
              <Stack direction="row" spacing={1.5} sx={{ px: 1.5, pb: 1 }}>
                <Link component="button" variant="caption" onClick={() => show(count.rule, 'suspended')}>
                  {translate('app.flags.overview.suspended', { count: count.suspended })}
                </Link>
                <Link component="button" variant="caption" onClick={() => show(count.rule, 'dismissed')}>
                  {translate('app.flags.overview.dismissed', { count: count.dismissed })}
                </Link>
              </Stack>
            </Card>
          );
        })}
      </Box>
    </Box>
  );
};
