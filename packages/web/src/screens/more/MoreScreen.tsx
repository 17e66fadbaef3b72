import { NavIcon } from '../../components/NavIcon.tsx';
import { Page } from '../../components/Page.tsx';
import { Link } from '../../router.ts';
import { NAV_ITEMS } from '../../routes.ts';

/** The phone's More tab: the screens that do not fit in the bottom bar, as large links. */
export function MoreScreen() {
  return (
    <Page title="More">
      <nav aria-label="More screens">
        <ul className="more-list">
          {NAV_ITEMS.filter((item) => item.place === 'more').map((item) => (
            <li key={item.route}>
              <Link to={item.path} className="more-list__link">
                <NavIcon name={item.icon} />
                {item.label}
              </Link>
            </li>
          ))}
        </ul>
      </nav>
    </Page>
  );
}
