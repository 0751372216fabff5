import rules

from ateliers.core.rules import is_city_team

rules.add_perm("activity.view_audit_trail", is_city_team)
