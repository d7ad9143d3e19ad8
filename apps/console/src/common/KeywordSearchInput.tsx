import { SearchInput, useTranslate, type SearchInputProps } from 'react-admin';

/** A list's keyword filter whose placeholder is an i18n key (SearchInput shows `placeholder` untranslated). */
export const KeywordSearchInput = ({ placeholder, ...props }: SearchInputProps & { placeholder: string }) => {
  const translate = useTranslate();
  return <SearchInput {...props} placeholder={translate(placeholder)} />;
};
