import { Box, Button, Link, MenuItem, Paper, Stack, Tab, Tabs, TextField, Typography } from '@mui/material';
import { useMutation } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { Link as RouterLink, useNavigate, useSearchParams } from 'react-router-dom';
import { LOOKUP_ACCOUNT_TYPE_LABELS, type LookupAccountType, type LookupRegistration } from '@app/contracts';
import { checkPasswordPolicy, ID_TYPES } from '@app/domain';
import { lookupApi } from '../api';
import { ApiErrorAlert } from '../components/ApiErrorAlert';

type FieldName = 'name' | 'idType' | 'idNumber' | 'creditCode' | 'contactName' | 'mobile' | 'password' | 'confirm';

const FIELDS: Readonly<Record<LookupAccountType, readonly { name: FieldName; label: string }[]>> = {
  person: [
    { name: 'name', label: '姓名' },
    { name: 'idType', label: '证件类型' },
    { name: 'idNumber', label: '证件号码' },
    { name: 'mobile', label: '手机号码' },
    { name: 'password', label: '登录密码' },
    { name: 'confirm', label: '确认密码' },
  ],
  legal_entity: [
    { name: 'name', label: '单位名称' },
    { name: 'creditCode', label: '统一社会信用代码' },
    { name: 'contactName', label: '联系人姓名' },
    { name: 'mobile', label: '手机号码' },
    { name: 'password', label: '登录密码' },
    { name: 'confirm', label: '确认密码' },
  ],
};

function registration(type: LookupAccountType, v: Record<FieldName, string>): LookupRegistration {
  const common = { name: v.name.trim(), mobile: v.mobile.trim(), password: v.password };
  return type === 'person'
    ? { type, ...common, idType: v.idType, idNumber: v.idNumber.trim().toUpperCase() }
    : { type, ...common, creditCode: v.creditCode.trim().toUpperCase(), contactName: v.contactName.trim() };
}

const EMPTY: Record<FieldName, string> = {
  name: '',
  idType: ID_TYPES[0].label,
  idNumber: '',
  creditCode: '',
  contactName: '',
  mobile: '',
  password: '',
  confirm: '',
};

/** 个人注册 / 法人注册: real-name details; the API validates the ID number or credit code. */
export function RegisterPage() {
  const [params] = useSearchParams();
  const [type, setType] = useState<LookupAccountType>(
    params.get('type') === 'legal_entity' ? 'legal_entity' : 'person',
  );
  const [values, setValues] = useState(EMPTY);
  const navigate = useNavigate();
  const register = useMutation({
    mutationFn: () => lookupApi.register(registration(type, values)),
    // Seed 000: 注册成功后，自动跳转至登录页面.
    onSuccess: () => navigate(`/login?type=${type}`, { state: { registered: true } }),
  });
  const passwordProblems = values.password ? checkPasswordPolicy(values.password) : [];
  const mismatch = values.confirm !== '' && values.confirm !== values.password;
  const complete = FIELDS[type].every((f) => values[f.name].trim() !== '');
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (complete && passwordProblems.length === 0 && !mismatch) register.mutate();
  };
  const set = (name: FieldName) => (e: React.ChangeEvent<HTMLInputElement>) =>
    setValues((v) => ({ ...v, [name]: e.target.value }));
  return (
    <Box sx={{ display: 'flex', justifyContent: 'center' }}>
      <Paper variant="outlined" sx={{ width: '100%', maxWidth: 480, p: { xs: 2, sm: 3 } }} data-testid="register">
        <Typography variant="h6" component="h2" sx={{ mb: 1 }}>
          {type === 'person' ? '个人注册' : '法人注册'}
        </Typography>
        <Tabs value={type} onChange={(_e, value: LookupAccountType) => setType(value)} variant="fullWidth">
          <Tab value="person" label={LOOKUP_ACCOUNT_TYPE_LABELS.person} />
          <Tab value="legal_entity" label={LOOKUP_ACCOUNT_TYPE_LABELS.legal_entity} />
        </Tabs>
        <Box component="form" onSubmit={submit} noValidate sx={{ mt: 2 }}>
          <Stack spacing={2}>
            {FIELDS[type].map((field) =>
              field.name === 'idType' ? (
                <TextField key={field.name} select label={field.label} value={values.idType} onChange={set('idType')}>
                  {ID_TYPES.map((t) => (
                    <MenuItem key={t.code} value={t.label}>
                      {t.label}
                    </MenuItem>
                  ))}
                </TextField>
              ) : (
                <TextField
                  key={field.name}
                  label={field.label}
                  type={field.name === 'password' || field.name === 'confirm' ? 'password' : 'text'}
                  value={values[field.name]}
                  onChange={set(field.name)}
                  autoComplete={field.name === 'password' || field.name === 'confirm' ? 'new-password' : 'off'}
                  error={
                    (field.name === 'password' && passwordProblems.length > 0) || (field.name === 'confirm' && mismatch)
                  }
                  helperText={
                    field.name === 'password'
                      ? passwordProblems.join('；') || '至少8位，含大写字母、小写字母、数字、特殊符号中的至少三类'
                      : field.name === 'confirm' && mismatch
                        ? '两次输入的密码不一致'
                        : undefined
                  }
                  fullWidth
                />
              ),
            )}
            <ApiErrorAlert error={register.error} />
            <Button type="submit" variant="contained" size="large" disabled={register.isPending || !complete}>
              注册
            </Button>
            <Link component={RouterLink} to={`/login?type=${type}`}>
              已有账号，去登录
            </Link>
          </Stack>
        </Box>
      </Paper>
    </Box>
  );
}
