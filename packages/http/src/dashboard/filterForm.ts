import { html } from './html'
import type { Html, Interpolation } from './html'
import type { PageContext } from './pageContext'
import { t } from './pageContext'
import { hrefTo } from './pageLinks'
import { text } from './text'

export type FilterField = {
  name: string
  label: Interpolation
  hint?: Interpolation
  value: string | undefined
} & ({ kind: 'text'; inputMode?: 'text' | 'decimal' } | { kind: 'date' } | { kind: 'select'; options: ReadonlyArray<{ value: string; label: Interpolation }> })

/**
 * A GET form over the page's own query parameters: every field labelled,
 * hints tied to their field with aria-describedby, the language kept. The
 * server reads the same parameters a link carries, so a filtered page can be
 * bookmarked and sent to a colleague.
 */
export function filterForm(page: PageContext, input: { id: string; legend?: Interpolation; fields: readonly FilterField[]; submit?: Interpolation }): Html {
  return html`<form class="filters" method="get" action="${hrefTo({ ...page, lang: 'id' }, page.path)}" id="${input.id}">
<fieldset>
<legend>${input.legend ?? t(page, text.filters)}</legend>
<div class="filters__fields">
${input.fields.map((field) => fieldOf(input.id, field, page))}
</div>
${page.lang === 'en' ? html`<input type="hidden" name="lang" value="en">` : ''}
<div class="filters__actions">
<button type="submit" class="button">${input.submit ?? t(page, text.applyFilters)}</button>
<a class="filters__clear" href="${hrefTo(page, page.path)}">${t(page, text.clearFilters)}</a>
</div>
</fieldset>
</form>
`
}

function fieldOf(formId: string, field: FilterField, page: PageContext): Html {
  const id = `${formId}-${field.name}`
  const hintId = `${id}-hint`
  const described = field.hint === undefined ? '' : html` aria-describedby="${hintId}"`
  const hint = field.hint === undefined ? '' : html`<span class="field__hint" id="${hintId}">${field.hint}</span>`
  const control =
    field.kind === 'select'
      ? html`<select id="${id}" name="${field.name}"${described}>
<option value="">${t(page, text.anyOption)}</option>
${field.options.map((option) => html`<option value="${option.value}"${option.value === field.value ? html` selected` : ''}>${option.label}</option>`)}
</select>`
      : html`<input id="${id}" name="${field.name}" type="${field.kind}"${field.kind === 'text' && field.inputMode !== undefined ? html` inputmode="${field.inputMode}"` : ''} value="${field.value ?? ''}"${described}>`
  return html`<div class="field">
<label for="${id}">${field.label}</label>
${hint}
${control}
</div>
`
}
