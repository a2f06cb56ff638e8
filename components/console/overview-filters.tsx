// The overview's filter: a plain GET form, so every filtered view is a link support can share and the
// CSV export can reuse (issue #6).
import { FilterForm, FilterInput, FilterSelect } from "@/components/ui/filter-form";
import { STATUS_LABELS } from "@/lib/status/vocabulary";
import type { IntegrationFilter } from "@/lib/support/filters";

const ERROR_CHOICES = [
  ["", "With or without"],
  ["with", "With errors"],
  ["without", "Without errors"],
] as const;

export function OverviewFilters({ filter, types }: { filter: IntegrationFilter; types: string[] }) {
  return (
    <FilterForm label="Filter integrations" action="/console" columns={5} clearHref="/console">
      <FilterInput
        id="filter-customer"
        label="Customer"
        name="customer"
        defaultValue={filter.customer ?? ""}
        placeholder="Name or customer id"
      />
      <FilterSelect
        id="filter-type"
        label="Integration type"
        name="type"
        defaultValue={filter.type ?? ""}
        options={[["", "Any type"], ...types.map((t) => [t, t] as const)]}
      />
      <FilterSelect
        id="filter-status"
        label="Status"
        name="status"
        defaultValue={filter.status ?? ""}
        options={[["", "Any status"], ...Object.entries(STATUS_LABELS)]}
      />
      <FilterSelect
        id="filter-errors"
        label="Errors"
        name="errors"
        defaultValue={filter.errors ?? ""}
        options={ERROR_CHOICES}
      />
    </FilterForm>
  );
}
