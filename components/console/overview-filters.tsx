// The overview's filter: a plain GET form, so every filtered view is a link support can share and the
// CSV export can reuse (issue #6).
import { FilterForm, filterField, FilterInput, FilterSelect } from "@/components/ui/filter-form";
import { STATUS_LABELS } from "@/lib/status/vocabulary";
import type { IntegrationFilter } from "@/lib/support/filters";

const ERROR_CHOICES = [
  ["", "With or without"],
  ["with", "With errors"],
  ["without", "Without errors"],
] as const;

export function OverviewFilters({ filter, types }: { filter: IntegrationFilter; types: string[] }) {
  const field = (name: keyof IntegrationFilter) => filterField("filter", filter, name);
  return (
    <FilterForm label="Filter integrations" action="/console" columns={5} clearHref="/console">
      <FilterInput {...field("customer")} label="Customer" placeholder="Name or customer id" />
      <FilterSelect
        {...field("type")}
        label="Integration type"
        options={[["", "Any type"], ...types.map((t) => [t, t] as const)]}
      />
      <FilterSelect
        {...field("status")}
        label="Status"
        options={[["", "Any status"], ...Object.entries(STATUS_LABELS)]}
      />
      <FilterSelect {...field("errors")} label="Errors" options={ERROR_CHOICES} />
    </FilterForm>
  );
}
