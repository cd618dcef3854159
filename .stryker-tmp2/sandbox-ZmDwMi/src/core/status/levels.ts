// @ts-nocheck
// How worrying the money figures are. One place decides, so the status bar colour and the
// notifications can never disagree about what "80 % of the budget" or "low balance" means.
function stryNS_9fa48() {
  var g = typeof globalThis === 'object' && globalThis && globalThis.Math === Math && globalThis || new Function("return this")();
  var ns = g.__stryker__ || (g.__stryker__ = {});
  if (ns.activeMutant === undefined && g.process && g.process.env && g.process.env.__STRYKER_ACTIVE_MUTANT__) {
    ns.activeMutant = g.process.env.__STRYKER_ACTIVE_MUTANT__;
  }
  function retrieveNS() {
    return ns;
  }
  stryNS_9fa48 = retrieveNS;
  return retrieveNS();
}
stryNS_9fa48();
function stryCov_9fa48() {
  var ns = stryNS_9fa48();
  var cov = ns.mutantCoverage || (ns.mutantCoverage = {
    static: {},
    perTest: {}
  });
  function cover() {
    var c = cov.static;
    if (ns.currentTestId) {
      c = cov.perTest[ns.currentTestId] = cov.perTest[ns.currentTestId] || {};
    }
    var a = arguments;
    for (var i = 0; i < a.length; i++) {
      c[a[i]] = (c[a[i]] || 0) + 1;
    }
  }
  stryCov_9fa48 = cover;
  cover.apply(null, arguments);
}
function stryMutAct_9fa48(id) {
  var ns = stryNS_9fa48();
  function isActive(id) {
    if (ns.activeMutant === id) {
      if (ns.hitCount !== void 0 && ++ns.hitCount > ns.hitLimit) {
        throw new Error('Stryker: Hit count limit reached (' + ns.hitCount + ')');
      }
      return true;
    }
    return false;
  }
  stryMutAct_9fa48 = isActive;
  return isActive(id);
}
import type { KeysState, UsageView } from '../../shared/types';
import type { Settings } from '../settings';
import { formatPercent } from './format';
export const BUDGET_WARNING_FRACTION = 0.8;
export const BUDGET_ERROR_FRACTION = 1;
export interface BudgetLevel {
  spent: number;
  budget: number;
  /** spent / budget. */
  fraction: number;
}
export type MoneyBackground = 'none' | 'warning' | 'error';
export interface MoneyLevels {
  /** null when that budget is off or today's / this month's spend is unknown. */
  daily: BudgetLevel | null;
  monthly: BudgetLevel | null;
  /** The lowest known of: effective remaining, account balance, key cap remaining. */
  remaining: number | null;
  /** remaining is under `alerts.lowBalance` (never when that is 0 = off). */
  low: boolean;
  /** remaining ≤ 0: requests will fail. */
  exhausted: boolean;
  background: MoneyBackground;
  /** Plain-text reasons for the colour, for tooltips and screen readers (colour alone says nothing to them). */
  reasons: string[];
}
function budgetLevel(spent: number | null | undefined, budget: number): BudgetLevel | null {
  if (stryMutAct_9fa48("230")) {
    {}
  } else {
    stryCov_9fa48("230");
    if (stryMutAct_9fa48("233") ? (budget <= 0 || spent === null || spent === undefined) && !Number.isFinite(spent) : stryMutAct_9fa48("232") ? false : stryMutAct_9fa48("231") ? true : (stryCov_9fa48("231", "232", "233"), (stryMutAct_9fa48("235") ? (budget <= 0 || spent === null) && spent === undefined : stryMutAct_9fa48("234") ? false : (stryCov_9fa48("234", "235"), (stryMutAct_9fa48("237") ? budget <= 0 && spent === null : stryMutAct_9fa48("236") ? false : (stryCov_9fa48("236", "237"), (stryMutAct_9fa48("240") ? budget > 0 : stryMutAct_9fa48("239") ? budget < 0 : stryMutAct_9fa48("238") ? false : (stryCov_9fa48("238", "239", "240"), budget <= 0)) || (stryMutAct_9fa48("242") ? spent !== null : stryMutAct_9fa48("241") ? false : (stryCov_9fa48("241", "242"), spent === null)))) || (stryMutAct_9fa48("244") ? spent !== undefined : stryMutAct_9fa48("243") ? false : (stryCov_9fa48("243", "244"), spent === undefined)))) || (stryMutAct_9fa48("245") ? Number.isFinite(spent) : (stryCov_9fa48("245"), !Number.isFinite(spent))))) return null;
    return stryMutAct_9fa48("246") ? {} : (stryCov_9fa48("246"), {
      spent,
      budget,
      fraction: stryMutAct_9fa48("247") ? spent * budget : (stryCov_9fa48("247"), spent / budget)
    });
  }
}

/**
 * The usage view with the balance kept only when it came from a key GET /key confirmed as a management key.
 * An ordinary key in the management slot gets /credits 0/0; read as a balance that is a fake "$0.00 left ·
 * out of credits". The core already refuses such figures; this guards a cached view from an older version.
 */
export function trustedUsage(usage: UsageView | null, keys: KeysState): UsageView | null {
  if (stryMutAct_9fa48("248")) {
    {}
  } else {
    stryCov_9fa48("248");
    if (stryMutAct_9fa48("251") ? false : stryMutAct_9fa48("250") ? true : stryMutAct_9fa48("249") ? usage : (stryCov_9fa48("249", "250", "251"), !usage)) return usage;
    const kind = keys.management ? stryMutAct_9fa48("252") ? keys.managementKind && 'unverified' : (stryCov_9fa48("252"), keys.managementKind ?? (stryMutAct_9fa48("253") ? "" : (stryCov_9fa48("253"), 'unverified'))) : null;
    if (stryMutAct_9fa48("256") ? usage.balanceStatus !== 'ok' || usage.balance === null : stryMutAct_9fa48("255") ? false : stryMutAct_9fa48("254") ? true : (stryCov_9fa48("254", "255", "256"), (stryMutAct_9fa48("258") ? usage.balanceStatus === 'ok' : stryMutAct_9fa48("257") ? true : (stryCov_9fa48("257", "258"), usage.balanceStatus !== (stryMutAct_9fa48("259") ? "" : (stryCov_9fa48("259"), 'ok')))) && (stryMutAct_9fa48("261") ? usage.balance !== null : stryMutAct_9fa48("260") ? true : (stryCov_9fa48("260", "261"), usage.balance === null)))) {
      if (stryMutAct_9fa48("262")) {
        {}
      } else {
        stryCov_9fa48("262");
        return (stryMutAct_9fa48("265") ? kind === 'notManagement' || usage.balanceStatus !== 'notManagementKey' : stryMutAct_9fa48("264") ? false : stryMutAct_9fa48("263") ? true : (stryCov_9fa48("263", "264", "265"), (stryMutAct_9fa48("267") ? kind !== 'notManagement' : stryMutAct_9fa48("266") ? true : (stryCov_9fa48("266", "267"), kind === (stryMutAct_9fa48("268") ? "" : (stryCov_9fa48("268"), 'notManagement')))) && (stryMutAct_9fa48("270") ? usage.balanceStatus === 'notManagementKey' : stryMutAct_9fa48("269") ? true : (stryCov_9fa48("269", "270"), usage.balanceStatus !== (stryMutAct_9fa48("271") ? "" : (stryCov_9fa48("271"), 'notManagementKey')))))) ? stryMutAct_9fa48("272") ? {} : (stryCov_9fa48("272"), {
          ...usage,
          balanceStatus: stryMutAct_9fa48("273") ? "" : (stryCov_9fa48("273"), 'notManagementKey')
        }) : usage;
      }
    }
    if (stryMutAct_9fa48("276") ? kind === 'management' || usage.balanceStatus === 'ok' : stryMutAct_9fa48("275") ? false : stryMutAct_9fa48("274") ? true : (stryCov_9fa48("274", "275", "276"), (stryMutAct_9fa48("278") ? kind !== 'management' : stryMutAct_9fa48("277") ? true : (stryCov_9fa48("277", "278"), kind === (stryMutAct_9fa48("279") ? "" : (stryCov_9fa48("279"), 'management')))) && (stryMutAct_9fa48("281") ? usage.balanceStatus !== 'ok' : stryMutAct_9fa48("280") ? true : (stryCov_9fa48("280", "281"), usage.balanceStatus === (stryMutAct_9fa48("282") ? "" : (stryCov_9fa48("282"), 'ok')))))) return usage;
    const keyRemaining = stryMutAct_9fa48("283") ? usage.key?.limitRemaining && null : (stryCov_9fa48("283"), (stryMutAct_9fa48("284") ? usage.key.limitRemaining : (stryCov_9fa48("284"), usage.key?.limitRemaining)) ?? null);
    return stryMutAct_9fa48("285") ? {} : (stryCov_9fa48("285"), {
      ...usage,
      balanceStatus: (stryMutAct_9fa48("288") ? kind !== 'notManagement' : stryMutAct_9fa48("287") ? false : stryMutAct_9fa48("286") ? true : (stryCov_9fa48("286", "287", "288"), kind === (stryMutAct_9fa48("289") ? "" : (stryCov_9fa48("289"), 'notManagement')))) ? stryMutAct_9fa48("290") ? "" : (stryCov_9fa48("290"), 'notManagementKey') : stryMutAct_9fa48("291") ? "" : (stryCov_9fa48("291"), 'unavailable'),
      balance: null,
      effectiveRemaining: keyRemaining,
      binding: (stryMutAct_9fa48("294") ? keyRemaining !== null : stryMutAct_9fa48("293") ? false : stryMutAct_9fa48("292") ? true : (stryCov_9fa48("292", "293", "294"), keyRemaining === null)) ? null : stryMutAct_9fa48("295") ? "" : (stryCov_9fa48("295"), 'key')
    });
  }
}

/** The lowest known figure of what can still be spent; null when none is known. */
export function lowestRemaining(usage: UsageView | null): number | null {
  if (stryMutAct_9fa48("296")) {
    {}
  } else {
    stryCov_9fa48("296");
    if (stryMutAct_9fa48("299") ? false : stryMutAct_9fa48("298") ? true : stryMutAct_9fa48("297") ? usage : (stryCov_9fa48("297", "298", "299"), !usage)) return null;
    const known = stryMutAct_9fa48("300") ? [usage.effectiveRemaining, usage.balance?.balance, usage.key?.limitRemaining] : (stryCov_9fa48("300"), (stryMutAct_9fa48("301") ? [] : (stryCov_9fa48("301"), [usage.effectiveRemaining, stryMutAct_9fa48("302") ? usage.balance.balance : (stryCov_9fa48("302"), usage.balance?.balance), stryMutAct_9fa48("303") ? usage.key.limitRemaining : (stryCov_9fa48("303"), usage.key?.limitRemaining)])).filter(stryMutAct_9fa48("304") ? () => undefined : (stryCov_9fa48("304"), (v): v is number => stryMutAct_9fa48("307") ? typeof v === 'number' || Number.isFinite(v) : stryMutAct_9fa48("306") ? false : stryMutAct_9fa48("305") ? true : (stryCov_9fa48("305", "306", "307"), (stryMutAct_9fa48("309") ? typeof v !== 'number' : stryMutAct_9fa48("308") ? true : (stryCov_9fa48("308", "309"), typeof v === (stryMutAct_9fa48("310") ? "" : (stryCov_9fa48("310"), 'number')))) && Number.isFinite(v)))));
    return (stryMutAct_9fa48("314") ? known.length <= 0 : stryMutAct_9fa48("313") ? known.length >= 0 : stryMutAct_9fa48("312") ? false : stryMutAct_9fa48("311") ? true : (stryCov_9fa48("311", "312", "313", "314"), known.length > 0)) ? stryMutAct_9fa48("315") ? Math.max(...known) : (stryCov_9fa48("315"), Math.min(...known)) : null;
  }
}
export function assessMoney(usage: UsageView | null, settings: Settings): MoneyLevels {
  if (stryMutAct_9fa48("316")) {
    {}
  } else {
    stryCov_9fa48("316");
    // Budgets count OpenRouter credit spend only: BYOK usage is billed by the provider, not by OpenRouter.
    const daily = budgetLevel(stryMutAct_9fa48("318") ? usage.key?.daily : stryMutAct_9fa48("317") ? usage?.key.daily : (stryCov_9fa48("317", "318"), usage?.key?.daily), settings.budget.daily);
    const monthly = budgetLevel(stryMutAct_9fa48("320") ? usage.key?.monthly : stryMutAct_9fa48("319") ? usage?.key.monthly : (stryCov_9fa48("319", "320"), usage?.key?.monthly), settings.budget.monthly);
    const remaining = lowestRemaining(usage);
    const exhausted = stryMutAct_9fa48("323") ? remaining !== null || remaining <= 0 : stryMutAct_9fa48("322") ? false : stryMutAct_9fa48("321") ? true : (stryCov_9fa48("321", "322", "323"), (stryMutAct_9fa48("325") ? remaining === null : stryMutAct_9fa48("324") ? true : (stryCov_9fa48("324", "325"), remaining !== null)) && (stryMutAct_9fa48("328") ? remaining > 0 : stryMutAct_9fa48("327") ? remaining < 0 : stryMutAct_9fa48("326") ? true : (stryCov_9fa48("326", "327", "328"), remaining <= 0)));
    const low = stryMutAct_9fa48("331") ? remaining !== null && settings.alerts.lowBalance > 0 || remaining < settings.alerts.lowBalance : stryMutAct_9fa48("330") ? false : stryMutAct_9fa48("329") ? true : (stryCov_9fa48("329", "330", "331"), (stryMutAct_9fa48("333") ? remaining !== null || settings.alerts.lowBalance > 0 : stryMutAct_9fa48("332") ? true : (stryCov_9fa48("332", "333"), (stryMutAct_9fa48("335") ? remaining === null : stryMutAct_9fa48("334") ? true : (stryCov_9fa48("334", "335"), remaining !== null)) && (stryMutAct_9fa48("338") ? settings.alerts.lowBalance <= 0 : stryMutAct_9fa48("337") ? settings.alerts.lowBalance >= 0 : stryMutAct_9fa48("336") ? true : (stryCov_9fa48("336", "337", "338"), settings.alerts.lowBalance > 0)))) && (stryMutAct_9fa48("341") ? remaining >= settings.alerts.lowBalance : stryMutAct_9fa48("340") ? remaining <= settings.alerts.lowBalance : stryMutAct_9fa48("339") ? true : (stryCov_9fa48("339", "340", "341"), remaining < settings.alerts.lowBalance)));
    const reasons: string[] = stryMutAct_9fa48("342") ? ["Stryker was here"] : (stryCov_9fa48("342"), []);
    let error = stryMutAct_9fa48("343") ? true : (stryCov_9fa48("343"), false);
    let warning = stryMutAct_9fa48("344") ? true : (stryCov_9fa48("344"), false);
    if (stryMutAct_9fa48("346") ? false : stryMutAct_9fa48("345") ? true : (stryCov_9fa48("345", "346"), exhausted)) {
      if (stryMutAct_9fa48("347")) {
        {}
      } else {
        stryCov_9fa48("347");
        error = stryMutAct_9fa48("348") ? false : (stryCov_9fa48("348"), true);
        reasons.push(stryMutAct_9fa48("349") ? "" : (stryCov_9fa48("349"), 'nothing left to spend'));
      }
    } else if (stryMutAct_9fa48("351") ? false : stryMutAct_9fa48("350") ? true : (stryCov_9fa48("350", "351"), low)) {
      if (stryMutAct_9fa48("352")) {
        {}
      } else {
        stryCov_9fa48("352");
        warning = stryMutAct_9fa48("353") ? false : (stryCov_9fa48("353"), true);
        reasons.push(stryMutAct_9fa48("354") ? "" : (stryCov_9fa48("354"), 'low balance'));
      }
    }
    for (const [name, level] of [['daily', daily], ['monthly', monthly]] as const) {
      if (stryMutAct_9fa48("355")) {
        {}
      } else {
        stryCov_9fa48("355");
        if (stryMutAct_9fa48("358") ? false : stryMutAct_9fa48("357") ? true : stryMutAct_9fa48("356") ? level : (stryCov_9fa48("356", "357", "358"), !level)) continue;
        if (stryMutAct_9fa48("362") ? level.fraction < BUDGET_ERROR_FRACTION : stryMutAct_9fa48("361") ? level.fraction > BUDGET_ERROR_FRACTION : stryMutAct_9fa48("360") ? false : stryMutAct_9fa48("359") ? true : (stryCov_9fa48("359", "360", "361", "362"), level.fraction >= BUDGET_ERROR_FRACTION)) {
          if (stryMutAct_9fa48("363")) {
            {}
          } else {
            stryCov_9fa48("363");
            error = stryMutAct_9fa48("364") ? false : (stryCov_9fa48("364"), true);
            reasons.push(stryMutAct_9fa48("365") ? `` : (stryCov_9fa48("365"), `${name} budget reached`));
          }
        } else if (stryMutAct_9fa48("369") ? level.fraction < BUDGET_WARNING_FRACTION : stryMutAct_9fa48("368") ? level.fraction > BUDGET_WARNING_FRACTION : stryMutAct_9fa48("367") ? false : stryMutAct_9fa48("366") ? true : (stryCov_9fa48("366", "367", "368", "369"), level.fraction >= BUDGET_WARNING_FRACTION)) {
          if (stryMutAct_9fa48("370")) {
            {}
          } else {
            stryCov_9fa48("370");
            warning = stryMutAct_9fa48("371") ? false : (stryCov_9fa48("371"), true);
            reasons.push(stryMutAct_9fa48("372") ? `` : (stryCov_9fa48("372"), `${formatPercent(level.fraction)} of the ${name} budget used`));
          }
        }
      }
    }
    const background: MoneyBackground = error ? stryMutAct_9fa48("373") ? "" : (stryCov_9fa48("373"), 'error') : warning ? stryMutAct_9fa48("374") ? "" : (stryCov_9fa48("374"), 'warning') : stryMutAct_9fa48("375") ? "" : (stryCov_9fa48("375"), 'none');
    return stryMutAct_9fa48("376") ? {} : (stryCov_9fa48("376"), {
      daily,
      monthly,
      remaining,
      low,
      exhausted,
      background,
      reasons
    });
  }
}