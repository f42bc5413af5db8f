/** A language's name in the page's language, capitalised ("Français", "German"). */
export function languageName(locale: string, uiLocale: string): string {
  try {
    const name = new Intl.DisplayNames([uiLocale], { type: 'language' }).of(locale) ?? locale;
    return name.charAt(0).toUpperCase() + name.slice(1);
  } catch {
    return locale;
  }
}

/** A language's name as written inside a sentence: "anglais" in French, "English" in English. */
export function languageNameInText(locale: string, uiLocale: string): string {
  try {
    return new Intl.DisplayNames([uiLocale], { type: 'language' }).of(locale) ?? locale;
  } catch {
    return locale;
  }
}

/** A field label naming its language: "Question (French)", "Message (optional, French)". */
export function labelInLanguage(label: string, language: string): string {
  return label.endsWith(')') ? `${label.slice(0, -1)}, ${language})` : `${label} (${language})`;
}
